import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { renderMarkdownPdf } from '../orders/rendering/document-pipeline.js';
import { loadDocumentTemplate, type DocumentTemplate } from '../orders/rendering/document-templates.js';
import { FileStorage } from '../storage/file-storage.js';
import { EpisodeDocumentsRepository, type EpisodeDocumentSource } from './episode-documents.repository.js';
import { agencyActsFor } from './episode-access.js';
import { buildPoster, SAMPLE_POSTER, type PosterData } from './poster.js';
import { buildReportPacket, SAMPLE_REPORT_PACKET, type ReportPacketData } from './report-packet.js';

let templates: { packet: DocumentTemplate<ReportPacketData>; poster: DocumentTemplate<PosterData> } | null = null;
/** Compiled once per process, on first use. */
function documentTemplates() {
  templates ??= {
    packet: loadDocumentTemplate('report-packet', SAMPLE_REPORT_PACKET),
    poster: loadDocumentTemplate('poster', SAMPLE_POSTER),
  };
  return templates;
}

/**
 * An episode's two documents, from the same Markdown -> pdfkit pipeline as the
 * orders with the child's latest photo embedded: the report packet (all that
 * law enforcement and NCMEC ask for; for the agency and the court) and the
 * poster (the publishable subset only). Each is audited as a read of the child.
 */
@Injectable()
export class EpisodeDocumentsService {
  constructor(
    @Inject(EpisodeDocumentsRepository) private readonly episodes: EpisodeDocumentsRepository,
    @Inject(FileStorage) private readonly storage: FileStorage,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async reportPacket(actor: Actor, episodeId: string): Promise<Buffer> {
    const source = await this.readable(actor, episodeId, 'report_packet');
    const now = new Date();
    const data = buildReportPacket({
      child: source.child,
      episode: source,
      traffickingConcern: source.traffickingConcern,
      photo: source.photo,
      agency: source.agency,
      court: source.court,
      docketNumber: source.docketNumber,
      release: { orderNumber: source.orderNumber, authorized: source.terms.photoReleaseAuthorized !== false },
      now,
    });
    const { packet } = documentTemplates();
    const pdf = await renderMarkdownPdf(packet.template.render(data), {
      title: packet.title,
      author: source.court.name,
      draft: false,
      footer: {
        reference: `Case No. ${source.docketNumber} | Confidential: for law enforcement, NCMEC and the parties`,
        verification: null,
      },
      createdAt: now,
      modifiedAt: now,
      align: 'left',
      images: await this.photo(source),
    });
    await this.audited(actor, source, 'report_packet');
    return pdf;
  }

  async poster(actor: Actor, episodeId: string): Promise<Buffer> {
    const source = await this.readable(actor, episodeId, 'poster');
    if (source.status === 'RECOVERED') {
      throw new Conflict('PosterWithdrawn', 'The child has been recovered: missing-child posters are withdrawn.');
    }
    if (source.terms.photoReleaseAuthorized === false) {
      throw new Conflict(
        'PhotoReleaseNotAuthorized',
        'The order that governs this episode does not authorize releasing the photo for a poster.',
      );
    }
    const now = new Date();
    const data = buildPoster({
      ...source.child,
      missingSince: source.missingSince,
      lastSeenCity: source.lastSeenCity,
      photo: source.photo,
      timezone: source.court.timezone,
      now,
      withheldNames: [source.court.name, ...(source.agency.name ? [source.agency.name] : [])],
    });
    const { poster } = documentTemplates();
    // Nothing on the page or in the PDF's metadata names the court or the agency.
    const pdf = await renderMarkdownPdf(poster.template.render(data), {
      title: `Missing: ${data.name}`,
      author: 'Missing child poster',
      creator: 'Missing child poster',
      draft: false,
      footer: { reference: null, verification: null },
      createdAt: now,
      modifiedAt: now,
      align: 'left',
      images: await this.photo(source),
    });
    await this.audited(actor, source, 'poster');
    return pdf;
  }

  private async photo(source: EpisodeDocumentSource): Promise<Record<string, Buffer>> {
    return source.photo ? { photo: await this.storage.get(source.photo.sha256) } : {};
  }

  /** The episode, for the agency of the episode (then or now), the court's clerks and judges; else a 404, audited. */
  private async readable(actor: Actor, episodeId: string, document: string): Promise<EpisodeDocumentSource> {
    const source = await this.episodes.source(actor, episodeId);
    if (!source || !agencyActsFor(actor, source.episodeAgencyId, source.currentAgencyId)) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'episode',
        entityId: episodeId,
        details: { document },
      });
      throw new NotFound('episode');
    }
    return source;
  }

  private audited(actor: Actor, source: EpisodeDocumentSource, document: string): Promise<void> {
    return this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'child',
      entityId: source.childId,
      courtId: source.courtId,
      details: { document, episodeId: source.id, photoId: source.photo?.id ?? null },
    });
  }
}
