import { lexMarkdown, tokensToBlocks } from './markdown-layout.js';
import { renderHtml } from './order-html.renderer.js';
import { renderPdf, type PdfSettings } from './order-pdf.renderer.js';
import type { CompiledTemplate } from './template-compiler.js';
import type { TemplateDataByKind, TemplateKind } from './template-data.js';

export type DocumentSettings = PdfSettings;

export interface RenderedDocument {
  markdown: string;
  html: string;
  pdf: Buffer;
}

/*
 * data -> Handlebars (strict, data escaped) -> Markdown -> marked tokens ->
 * PDF (pdfkit) and HTML. Pure: no database, no Nest, so the API, the worker
 * and worker threads of the benchmark all run exactly this.
 */

export async function renderDocument<K extends TemplateKind>(
  template: CompiledTemplate<K>,
  data: TemplateDataByKind[K],
  settings: DocumentSettings,
): Promise<RenderedDocument> {
  const markdown = template.render(data);
  const tokens = lexMarkdown(markdown);
  const html = renderHtml(tokens, settings);
  const pdf = await renderPdf(tokensToBlocks(tokens), settings);
  return { markdown, html, pdf };
}

export function renderDocumentPdf<K extends TemplateKind>(
  template: CompiledTemplate<K>,
  data: TemplateDataByKind[K],
  settings: DocumentSettings,
): Promise<Buffer> {
  return renderMarkdownPdf(template.render(data), settings);
}

/** The PDF of Markdown a template produced (for the service's own documents: report packet, poster, certificate of service). */
export function renderMarkdownPdf(markdown: string, settings: DocumentSettings): Promise<Buffer> {
  return renderPdf(tokensToBlocks(lexMarkdown(markdown)), settings);
}

export function renderDocumentHtml<K extends TemplateKind>(
  template: CompiledTemplate<K>,
  data: TemplateDataByKind[K],
  settings: DocumentSettings,
): string {
  return renderHtml(lexMarkdown(template.render(data)), settings);
}
