import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { decodeCursor, encodeCursor, type CursorPosition } from '../common/pagination/pagination.js';
import { todayIn } from '../common/time/clock.js';
import { photoIsCurrent } from '../episodes/obligation-deadlines.js';
import { ApplicableOrderService } from '../orders/applicable-order.service.js';
import { DEFAULT_TERMS } from '../orders/order-terms.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { AgenciesService } from '../directory/agencies.service.js';
import { CourtsService } from '../directory/courts.service.js';
import { ComplianceRepository } from './compliance.repository.js';
import { buildAgencyCompliance, medianHours, type AgencyCompliance } from './compliance-summary.js';
import type { ComplianceSummaryQuery } from './compliance.dto.js';

const MAX_RANGE_DAYS = 366 * 10;

export interface ComplianceSummary {
  courtId: string;
  from: string;
  to: string;
  agencies: AgencyCompliance[];
}

export interface PhotoGap {
  childId: string;
  caseId: string;
  docketNumber: string;
  agencyId: string;
  latestPhotoTakenAt: Date | null;
  photoMaxAgeDays: number;
  orderId: string | null;
}

/** Placed children read at a time while a page of photo gaps is filled. */
const PLACED_BATCH = 500;

@Injectable()
export class ComplianceService {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ComplianceRepository) private readonly rollups: ComplianceRepository,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(ApplicableOrderService) private readonly orders: ApplicableOrderService,
    @Inject(AgenciesService) private readonly agencies: AgenciesService,
    @Inject(CourtsService) private readonly courts: CourtsService,
  ) {}

  /**
   * Who complied, deadline by deadline, for the episodes a court's agencies
   * discovered in a period. One aggregate over the obligations of the court
   * (an index-only scan of ix_obligations_compliance), one for the medians
   * and one for the episode counts.
   */
  async summary(actor: Actor, query: ComplianceSummaryQuery): Promise<ComplianceSummary> {
    const court = await this.court(actor, query.courtId);
    const to = query.to ?? todayIn(court.timezone);
    const from = query.from ?? (DateTime.fromISO(to, { zone: court.timezone }).minus({ days: 364 }).toISODate() as string);
    if (from > to) throw ValidationFailed.field('from', 'must not be after to');
    const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
    if (days > MAX_RANGE_DAYS) throw ValidationFailed.field('from', 'the period may be at most ten years');
    const [counts, histogram] = await Promise.all([this.rollups.counts(court.id, from, to), this.rollups.reportHours(court.id, from, to)]);
    const medians = medianHours(histogram);
    // Every episode has exactly one law-enforcement report obligation.
    const episodes = counts
      .filter((row) => row.type === 'LAW_ENFORCEMENT_REPORT')
      .map((row) => ({ agency_id: row.agency_id, episodes: row.total }));
    const ids = [...new Set([...counts, ...episodes].map((r) => r.agency_id).filter((id): id is string => id !== null))];
    const names = new Map((await this.agencies.byIds(ids)).map((a) => [a.id, a.name]));
    await this.audit.recordNow(actor, {
      action: 'read',
      entityType: 'compliance_summary',
      courtId: court.id,
      details: { from, to },
    });
    return {
      courtId: court.id,
      from,
      to,
      agencies: buildAgencyCompliance(counts, medians, episodes, names),
    };
  }

  /**
   * Children in current placements in the court without a photo taken within
   * the photoMaxAgeDays of the order that applies to them (else 180 days), a
   * page at a time: the placed children are read in batches until the page
   * (and one more, to know whether another page follows) is full.
   */
  async photoGaps(
    actor: Actor,
    query: { courtId?: string; limit: number; cursor?: string },
  ): Promise<{ courtId: string; asOf: Date; items: PhotoGap[]; nextCursor: string | null }> {
    const court = await this.court(actor, query.courtId);
    const now = new Date();
    const found: Array<{ gap: PhotoGap; position: CursorPosition }> = [];
    let after = decodeCursor(query.cursor);
    while (found.length <= query.limit) {
      const children = await this.cases.placedChildren(court.id, PLACED_BATCH, after);
      const orders = await this.orders.forMany(court.id, children, now);
      children.forEach((child, i) => {
        const order = orders[i];
        const terms = order?.terms ?? DEFAULT_TERMS;
        if (child.latestPhotoTakenAt && photoIsCurrent(child.latestPhotoTakenAt, now, terms, court.timezone)) return;
        const gap: PhotoGap = {
          childId: child.childId,
          caseId: child.caseId,
          docketNumber: child.docketNumber,
          agencyId: child.agencyId,
          latestPhotoTakenAt: child.latestPhotoTakenAt,
          photoMaxAgeDays: terms.photoMaxAgeDays,
          orderId: order?.id ?? null,
        };
        found.push({ gap, position: child.position });
      });
      if (children.length < PLACED_BATCH) break;
      after = children[children.length - 1].position;
    }
    const more = found.length > query.limit;
    const page = found.slice(0, query.limit);
    const items = page.map((f) => f.gap);
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'child',
      courtId: court.id,
      details: { report: 'photo_gaps', ids: items.map((i) => i.childId) },
    });
    return { courtId: court.id, asOf: now, items, nextCursor: more ? encodeCursor(page[page.length - 1].position) : null };
  }

  private async court(actor: Actor, courtId: string | undefined): Promise<{ id: string; timezone: string }> {
    const id = courtId ?? actor.courtId;
    if (!id) throw ValidationFailed.field('courtId', 'is required');
    if (!actsForCourt(actor, id)) throw new NotFound('court');
    const court = await this.courts.byId(id);
    if (!court) throw new NotFound('court');
    return court;
  }
}
