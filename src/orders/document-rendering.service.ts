import { Inject, Injectable } from '@nestjs/common';
import { OrderTemplatesService } from './order-templates/order-templates.service.js';
import { renderDocument, type RenderedDocument } from './rendering/document-pipeline.js';
import type { TemplateDataByKind, TemplateKind } from './rendering/template-data.js';

export interface RenderOptions {
  /** Draft documents carry a DRAFT mark on every page. */
  draft: boolean;
  /** The document's own date: the PDF's CreationDate/ModDate. The same data and date give the same bytes. */
  documentDate: Date;
  /** Bottom left of every page, e.g. "Notice of hearing 3f1e..."; "Page X of Y" is always printed. */
  reference?: string | null;
  /** A second footer line, e.g. how to verify the document. */
  verification?: string | null;
}

export interface RenderedTemplateDocument extends RenderedDocument {
  /** The exact template version used: record it with the document. */
  template: {
    id: string;
    key: string;
    version: number;
    courtId: string | null;
    title: string;
  };
}

/**
 * Renders any of the five template kinds for other modules (the hearings
 * module's NOTICE_OF_HEARING, the episodes module's ORDER_TO_SHOW_CAUSE and
 * ORDER_CONTINUING_JURISDICTION), with the court's current template version:
 * data -> Handlebars (strict; every value escaped) -> Markdown -> PDF and HTML.
 * The data each kind needs is typed in `rendering/template-data.ts`
 * (`TemplateDataByKind`); a missing field throws `TemplateDataError` naming it.
 */
@Injectable()
export class DocumentRenderingService {
  constructor(
    @Inject(OrderTemplatesService)
    private readonly templates: OrderTemplatesService,
  ) {}

  async render<K extends TemplateKind>(
    kind: K,
    courtId: string,
    data: TemplateDataByKind[K],
    options: RenderOptions,
  ): Promise<RenderedTemplateDocument> {
    const template = await this.templates.current(kind, courtId);
    const rendered = await renderDocument(template.compiled, data, {
      title: template.view.title,
      author: data.court.name,
      draft: options.draft,
      footer: {
        reference: options.reference ?? null,
        verification: options.verification ?? null,
      },
      createdAt: options.documentDate,
      modifiedAt: options.documentDate,
    });
    const { id, key, version, courtId: templateCourtId, title } = template.view;
    return {
      ...rendered,
      template: { id, key, version, courtId: templateCourtId, title },
    };
  }
}
