import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
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
   * the photoMaxAgeDays of the order that applies to them (else 180 days).
   */
  async photoGaps(actor: Actor, courtId: string | undefined): Promise<{ courtId: string; asOf: Date; items: PhotoGap[] }> {
    const court = await this.court(actor, courtId);
    const now = new Date();
    const children = await this.cases.placedChildren(court.id);
    const orders = await this.orders.forMany(court.id, children, now);
    const items: PhotoGap[] = [];
    children.forEach((child, i) => {
      const order = orders[i];
      const terms = order?.terms ?? DEFAULT_TERMS;
      if (child.latestPhotoTakenAt && photoIsCurrent(child.latestPhotoTakenAt, now, terms, court.timezone)) return;
      items.push({
        childId: child.childId,
        caseId: child.caseId,
        docketNumber: child.docketNumber,
        agencyId: child.agencyId,
        latestPhotoTakenAt: child.latestPhotoTakenAt,
        photoMaxAgeDays: terms.photoMaxAgeDays,
        orderId: order?.id ?? null,
      });
    });
    await this.audit.recordNow(actor, {
      action: 'list',
      entityType: 'child',
      courtId: court.id,
      details: { report: 'photo_gaps', ids: items.map((i) => i.childId) },
    });
    return { courtId: court.id, asOf: now, items };
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
