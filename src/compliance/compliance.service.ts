import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { actsForCourt } from '../auth/scope.js';
import { NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { todayIn } from '../common/time/clock.js';
import { photoIsCurrent } from '../episodes/obligation-deadlines.js';
import { applicableOrder, type OrderCandidate } from '../orders/applicable-order.js';
import { DEFAULT_TERMS, withDefaults, type OrderTerms } from '../orders/order-terms.js';
import { buildAgencyCompliance, medianHours, type AgencyCompliance, type CountRow, type HistogramRow } from './compliance-summary.js';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
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
    // The rollups are kept by triggers on obligations (migration ComplianceRollup), by day of discovery in the court's time zone.
    const params = [court.id, from, to];
    const [counts, histogram] = await Promise.all([
      this.dataSource.query(
        `SELECT agency_id, type, sum(total)::int AS total, sum(on_time)::int AS on_time, sum(late)::int AS late,
                sum(overdue)::int AS overdue, sum(open)::int AS open, sum(waived)::int AS waived
           FROM compliance_daily
          WHERE court_id = $1 AND day BETWEEN $2::date AND $3::date
          GROUP BY agency_id, type`,
        params,
      ) as Promise<CountRow[]>,
      this.dataSource.query(
        `SELECT agency_id, type, tenths, sum(n)::int AS n
           FROM compliance_report_hours
          WHERE court_id = $1 AND day BETWEEN $2::date AND $3::date
          GROUP BY agency_id, type, tenths
         HAVING sum(n) > 0`,
        params,
      ) as Promise<HistogramRow[]>,
    ]);
    const medians = medianHours(histogram);
    // Every episode has exactly one law-enforcement report obligation.
    const episodes = counts
      .filter((row) => row.type === 'LAW_ENFORCEMENT_REPORT')
      .map((row) => ({ agency_id: row.agency_id, episodes: row.total }));
    const ids = [...new Set([...counts, ...episodes].map((r) => r.agency_id).filter((id): id is string => id !== null))];
    const names = new Map(
      ids.length
        ? (
            (await this.dataSource.query(`SELECT id, name FROM agencies WHERE id = ANY($1::uuid[])`, [ids])) as Array<{
              id: string;
              name: string;
            }>
          ).map((a) => [a.id, a.name])
        : [],
    );
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
    const [children, orders] = await Promise.all([
      this.dataSource.query(
        `SELECT c.id AS child_id, k.id AS case_id, k.docket_number, p.agency_id,
                (SELECT max(ph.taken_at) FROM photos ph WHERE ph.child_id = c.id) AS latest
           FROM children c JOIN cases k ON k.id = c.case_id JOIN placements p ON p.child_id = c.id AND p.ended_at IS NULL
          WHERE c.court_id = $1
          ORDER BY k.docket_number`,
        [court.id],
      ) as Promise<
        Array<{
          child_id: string;
          case_id: string;
          docket_number: string;
          agency_id: string;
          latest: Date | null;
        }>
      >,
      this.dataSource.query(
        `SELECT id, kind, status, court_id, case_id, agency_ids, effective_at, signed_at, terms
           FROM orders WHERE court_id = $1 AND status IN ('SIGNED', 'SUPERSEDED') AND effective_at <= $2`,
        [court.id, now],
      ) as Promise<
        Array<{
          id: string;
          kind: 'INDIVIDUAL' | 'STANDING';
          status: 'SIGNED' | 'SUPERSEDED';
          court_id: string;
          case_id: string | null;
          agency_ids: string[] | null;
          effective_at: Date;
          signed_at: Date;
          terms: Partial<OrderTerms>;
        }>
      >,
    ]);
    const candidates: OrderCandidate[] = orders.map((o) => ({
      id: o.id,
      kind: o.kind,
      status: o.status,
      courtId: o.court_id,
      caseId: o.case_id,
      agencyIds: o.agency_ids,
      effectiveAt: o.effective_at,
      signedAt: o.signed_at,
      terms: withDefaults(o.terms),
    }));
    const items: PhotoGap[] = [];
    for (const child of children) {
      const order = applicableOrder(candidates, {
        courtId: court.id,
        caseId: child.case_id,
        agencyId: child.agency_id,
        at: now,
      });
      const terms = order?.terms ?? DEFAULT_TERMS;
      if (child.latest && photoIsCurrent(child.latest, now, terms, court.timezone)) continue;
      items.push({
        childId: child.child_id,
        caseId: child.case_id,
        docketNumber: child.docket_number,
        agencyId: child.agency_id,
        latestPhotoTakenAt: child.latest,
        photoMaxAgeDays: terms.photoMaxAgeDays,
        orderId: order?.id ?? null,
      });
    }
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
    const [court] = (await this.dataSource.query(`SELECT id, timezone FROM courts WHERE id = $1`, [id])) as Array<{
      id: string;
      timezone: string;
    }>;
    if (!court) throw new NotFound('court');
    return court;
  }
}
