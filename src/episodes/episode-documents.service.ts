import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import type { ChildView } from '../cases/child-view.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { ChildrenRepository } from '../cases/children.repository.js';
import { PhotosService } from '../cases/photos.service.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { CourtsService } from '../directory/courts.service.js';
import type { CourtView } from '../directory/courts.repository.js';
import { OrdersRepository } from '../orders/orders.repository.js';
import { renderMarkdownPdf } from '../orders/rendering/document-pipeline.js';
import { loadDocumentTemplate, type DocumentTemplate } from '../orders/rendering/document-templates.js';
import { collect } from '../storage/file-storage.js';
import { agencyActsFor } from './episode-access.js';
import type { EpisodeView } from './episode-view.js';
import { EpisodesRepository } from './episodes.repository.js';
import { EvidenceRepository } from './evidence.repository.js';
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

/** An episode and what its documents print from the child's record, the court and the agency. */
interface DocumentSource {
  episode: EpisodeView;
  child: ChildView;
  court: CourtView;
  agencyName: string | null;
  photo: { id: string; takenAt: Date; bytes: Buffer } | null;
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
    @Inject(EpisodesRepository) private readonly episodes: EpisodesRepository,
    @Inject(EvidenceRepository) private readonly evidence: EvidenceRepository,
    @Inject(ChildrenRepository) private readonly children: ChildrenRepository,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(PhotosService) private readonly photos: PhotosService,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async reportPacket(actor: Actor, episodeId: string): Promise<Buffer> {
    const { episode, child, court, agencyName, photo } = await this.source(actor, episodeId, 'report_packet');
    const [docketNumber, order, traffickingConcern] = await Promise.all([
      this.cases.docketNumber(episode.caseId),
      episode.orderId ? this.orders.signedSummary(episode.orderId) : null,
      this.evidence.traffickingConcern(child.id),
    ]);
    const now = new Date();
    const data = buildReportPacket({
      child,
      episode,
      traffickingConcern,
      photo,
      agency: {
        name: agencyName,
        caseworkerName: child.currentPlacement?.caseworkerName ?? null,
        caseworkerEmail: child.currentPlacement?.caseworkerEmail ?? null,
      },
      court,
      docketNumber: docketNumber ?? '',
      release: { orderNumber: order?.orderNumber ?? null, authorized: episode.terms.photoReleaseAuthorized !== false },
      now,
    });
    const { packet } = documentTemplates();
    const pdf = await renderMarkdownPdf(packet.template.render(data), {
      title: packet.title,
      author: court.name,
      draft: false,
      footer: { reference: `Case No. ${docketNumber} | Confidential: for law enforcement, NCMEC and the parties`, verification: null },
      createdAt: now,
      modifiedAt: now,
      align: 'left',
      images: photo ? { photo: photo.bytes } : {},
    });
    await this.audited(actor, episode, 'report_packet', photo);
    return pdf;
  }

  async poster(actor: Actor, episodeId: string): Promise<Buffer> {
    const { episode, child, court, agencyName, photo } = await this.source(actor, episodeId, 'poster');
    if (episode.status === 'RECOVERED') {
      throw new Conflict('PosterWithdrawn', 'The child has been recovered: missing-child posters are withdrawn.');
    }
    if (episode.terms.photoReleaseAuthorized === false) {
      throw new Conflict(
        'PhotoReleaseNotAuthorized',
        'The order that governs this episode does not authorize releasing the photo for a poster.',
      );
    }
    const now = new Date();
    const data = buildPoster({
      ...child,
      missingSince: episode.missingSince,
      lastSeenCity: episode.lastSeenCity,
      photo,
      timezone: court.timezone,
      now,
      withheldNames: [court.name, ...(agencyName ? [agencyName] : [])],
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
      images: photo ? { photo: photo.bytes } : {},
    });
    await this.audited(actor, episode, 'poster', photo);
    return pdf;
  }

  /** For the agency of the episode (then or now), the court's clerks and judges; else a 404, audited. */
  private async source(actor: Actor, episodeId: string, document: string): Promise<DocumentSource> {
    const episode = await this.episodes.read(actor, episodeId);
    const child = episode ? await this.children.findScoped(actor, episode.childId) : null;
    if (!episode || !child || !agencyActsFor(actor, episode.agencyId, child.currentPlacement?.agencyId ?? null)) {
      await this.audit.recordNow(actor, {
        action: 'read',
        outcome: 'not_found',
        entityType: 'episode',
        entityId: episodeId,
        details: { document },
      });
      throw new NotFound('episode');
    }
    const [court, agencies, photo] = await Promise.all([
      this.courts.require(episode.courtId),
      episode.agencyId ? this.agencies.byIds([episode.agencyId]) : [],
      child.latestPhoto ? this.photos.read(actor, child.latestPhoto.id) : null,
    ]);
    return {
      episode,
      child,
      court,
      agencyName: agencies[0]?.name ?? null,
      photo: photo ? { id: photo.photo.id, takenAt: photo.photo.takenAt, bytes: await collect(photo.bytes) } : null,
    };
  }

  private audited(actor: Actor, episode: EpisodeView, document: string, photo: { id: string } | null): Promise<void> {
    return this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'child',
      entityId: episode.childId,
      courtId: episode.courtId,
      details: { document, episodeId: episode.id, photoId: photo?.id ?? null },
    });
  }
}
