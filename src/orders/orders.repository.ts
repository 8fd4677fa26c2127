import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { caseRecordScope, courtRecordScope } from '../auth/scope.js';
import { columns, SqlParams } from '../common/database/sql.js';
import { toPage, type CursorPosition, type Page } from '../common/pagination/pagination.js';
import type { OrderCandidate, OrderKind, OrderStatus } from './applicable-order.js';
import { OrderDocument } from './entities/order-document.entity.js';
import { CourtOrder } from './entities/order.entity.js';
import type { OrderRendering } from './order-document-data.js';
import { withDefaults, type OrderTerms } from './order-terms.js';
import type { EpisodeOrderFindings } from './episode-order-findings.js';
import type { OrderView } from './order-view.js';

/** What a change to an order (update, sign, vacate) starts from, read under a row lock. */
export type LockedOrder = Omit<OrderView, 'template'> & { templateId: string };

export interface OrderFilters {
  courtId?: string;
  kind?: OrderKind;
  status?: OrderStatus;
  caseId?: string;
}

/** A signed order as the docket is told of it. */
export interface SignedOrderSummary {
  id: string;
  orderNumber: string;
  kind: OrderKind;
  courtId: string;
  caseId: string | null;
  signedAt: Date;
  sha256: string;
}

/** What public verification may say of a signed order (never child data). */
export interface VerifiedOrder {
  orderNumber: string;
  status: OrderStatus;
  signedAt: Date;
  courtId: string;
}

interface OrderRow {
  id: string;
  kind: OrderKind;
  status: OrderStatus;
  court_id: string;
  case_id: string | null;
  agency_ids: string[] | null;
  episode_id: string | null;
  findings: EpisodeOrderFindings | null;
  effective_at: Date | null;
  terms: Partial<OrderTerms>;
  template_id: string;
  template_key: string;
  template_version: number;
  template_court_id: string | null;
  order_number: string | null;
  verification_code: string | null;
  sha256: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  signed_by_name: string | null;
  superseded_at: Date | null;
  superseded_by: string | null;
  vacated_at: Date | null;
  vacated_by: string | null;
  vacate_reason: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  cursor_key: string;
}

/** The columns of an order's answer: never the PDF bytes or the rendering snapshot. */
const ORDER_COLUMNS = columns('o', [
  'id',
  'kind',
  'status',
  'court_id',
  'case_id',
  'agency_ids',
  'episode_id',
  'findings',
  'effective_at',
  'terms',
  'template_id',
  'order_number',
  'verification_code',
  'sha256',
  'signed_at',
  'signed_by',
  'signed_by_name',
  'superseded_at',
  'superseded_by',
  'vacated_at',
  'vacated_by',
  'vacate_reason',
  'created_by',
  'created_at',
  'updated_at',
]);
const TEMPLATE_COLUMNS = 't.key AS template_key, t.version AS template_version, t.court_id AS template_court_id';
const ORDER_SELECT = `SELECT ${ORDER_COLUMNS}, ${TEMPLATE_COLUMNS}, o.created_at::text AS cursor_key
    FROM orders o JOIN order_templates t ON t.id = o.template_id`;
/** Of the orders that can govern an episode. */
const CANDIDATE_COLUMNS = columns('o', ['id', 'kind', 'status', 'court_id', 'case_id', 'agency_ids', 'effective_at', 'signed_at', 'terms']);

function toOrderView(row: OrderRow): OrderView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    courtId: row.court_id,
    caseId: row.case_id,
    agencyIds: row.agency_ids && row.agency_ids.length > 0 ? row.agency_ids : null,
    episodeId: row.episode_id,
    findings: row.findings,
    effectiveAt: row.effective_at,
    terms: withDefaults(row.terms),
    template: {
      id: row.template_id,
      key: row.template_key,
      version: row.template_version,
      courtId: row.template_court_id,
    },
    orderNumber: row.order_number,
    verificationCode: row.verification_code,
    sha256: row.sha256 ? row.sha256.trim() : null,
    signedAt: row.signed_at,
    signedBy: row.signed_by,
    signedByName: row.signed_by_name,
    supersededAt: row.superseded_at,
    supersededBy: row.superseded_by,
    vacatedAt: row.vacated_at,
    vacatedBy: row.vacated_by,
    vacateReason: row.vacate_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Orders the principal may see, as a SQL condition on `alias` (an orders
 * row), applied inside the query that loads them. Judges and clerks: their
 * court's orders, drafts included. Agencies: signed orders that bind them,
 * never drafts: individual orders in cases where they have (had) the child,
 * and standing orders of courts where they place children that bind them.
 * Admins: everything.
 */
function orderScope(principal: Principal, alias: string, params: SqlParams): string {
  if (principal.role !== 'AGENCY') return courtRecordScope(principal, `${alias}.court_id`, params);
  // An order in a case (individual, to show cause, continuing jurisdiction): the agency that has or had the child.
  const individual = `${alias}.kind IN ('INDIVIDUAL', 'SHOW_CAUSE', 'CONTINUING_JURISDICTION') AND ${caseRecordScope(principal, `${alias}.case_id`, `${alias}.court_id`, params)}`;
  const binds = `(${alias}.agency_ids IS NULL OR ${params.add(principal.agencyId)} = ANY (${alias}.agency_ids))`;
  const standing = `${alias}.kind = 'STANDING' AND ${binds} AND ${courtRecordScope(principal, `${alias}.court_id`, params)}`;
  return `(${alias}.status <> 'DRAFT' AND ((${individual}) OR (${standing})))`;
}

/** The orders, order_documents and order_counters tables (templates: OrderTemplatesRepository). */
@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertDraft(
    manager: EntityManager,
    draft: Pick<CourtOrder, 'id' | 'kind' | 'courtId' | 'caseId' | 'agencyIds' | 'effectiveAt' | 'terms' | 'templateId' | 'createdBy'> &
      Partial<Pick<CourtOrder, 'episodeId' | 'findings'>>,
  ): Promise<void> {
    await manager.getRepository(CourtOrder).insert({ ...draft, status: 'DRAFT' });
  }

  async updateDraft(
    manager: EntityManager,
    id: string,
    changes: Pick<CourtOrder, 'caseId' | 'agencyIds' | 'effectiveAt' | 'terms'>,
  ): Promise<void> {
    await manager.getRepository(CourtOrder).update(id, { ...changes, updatedAt: () => 'clock_timestamp()' });
  }

  /** An order the principal may see, or null. */
  async findScoped(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<OrderView | null> {
    const params = new SqlParams();
    const rows = (await manager.query(
      `${ORDER_SELECT} WHERE o.id = ${params.add(id)} AND ${orderScope(principal, 'o', params)}`,
      params.values,
    )) as OrderRow[];
    return rows[0] ? toOrderView(rows[0]) : null;
  }

  /** Oldest first. */
  async listScoped(principal: Principal, filters: OrderFilters, limit: number, after: CursorPosition | null): Promise<Page<OrderView>> {
    const params = new SqlParams();
    const where = [orderScope(principal, 'o', params)];
    if (filters.courtId) where.push(`o.court_id = ${params.add(filters.courtId)}`);
    if (filters.kind) where.push(`o.kind = ${params.add(filters.kind)}`);
    if (filters.status) where.push(`o.status = ${params.add(filters.status)}`);
    if (filters.caseId) where.push(`o.case_id = ${params.add(filters.caseId)}`);
    if (after) where.push(`(o.created_at, o.id) > (${params.add(after.key)}::timestamptz, ${params.add(after.id)}::uuid)`);
    const rows = (await this.dataSource.query(
      `${ORDER_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.created_at, o.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    )) as OrderRow[];
    return toPage(rows, limit, toOrderView);
  }

  /** The order row locked until the transaction ends, if the principal may see it. */
  async lockScoped(manager: EntityManager, principal: Principal, id: string): Promise<LockedOrder | null> {
    const params = new SqlParams();
    const [row] = (await manager.query(
      `${ORDER_SELECT} WHERE o.id = ${params.add(id)} AND ${orderScope(principal, 'o', params)} FOR UPDATE OF o`,
      params.values,
    )) as OrderRow[];
    if (!row) return null;
    const { template, ...order } = toOrderView(row);
    return { ...order, templateId: template.id };
  }

  async markSigned(
    manager: EntityManager,
    id: string,
    signature: Pick<
      CourtOrder,
      'signedAt' | 'signedBy' | 'signedByName' | 'orderNumber' | 'verificationCode' | 'sha256' | 'effectiveAt'
    > & {
      renderedFrom: OrderRendering;
    },
  ): Promise<void> {
    await manager.getRepository(CourtOrder).update(id, {
      ...signature,
      status: 'SIGNED',
      updatedAt: signature.signedAt as Date,
    });
  }

  /** Marks the court's other signed standing orders SUPERSEDED by `by`; answers their ids. */
  async supersedeStanding(manager: EntityManager, courtId: string, by: string, at: Date): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(CourtOrder)
      .set({ status: 'SUPERSEDED', supersededAt: at, supersededBy: by, updatedAt: at })
      .where(`court_id = :courtId AND kind = 'STANDING' AND status = 'SIGNED' AND id <> :by`, { courtId, by })
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  async markVacated(manager: EntityManager, id: string, by: string, reason: string): Promise<void> {
    await manager.getRepository(CourtOrder).update(id, {
      status: 'VACATED',
      vacatedAt: () => 'clock_timestamp()',
      vacatedBy: by,
      vacateReason: reason,
      updatedAt: () => 'clock_timestamp()',
    });
  }

  /** The next order number of a court, kind and year (1, 2, ...): one counter row, incremented under its lock. */
  async nextNumber(manager: EntityManager, courtId: string, kind: OrderKind, year: number): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO order_counters (court_id, year, kind, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (court_id, year, kind) DO UPDATE SET last_number = order_counters.last_number + 1
       RETURNING last_number`,
      [courtId, year, kind],
    )) as Array<{ last_number: number }>;
    return row.last_number;
  }

  async insertDocument(manager: EntityManager, orderId: string, pdf: Buffer, sha256: string): Promise<void> {
    await manager.getRepository(OrderDocument).insert({ orderId, pdf, sha256, byteSize: pdf.length });
  }

  /** The PDF bytes stored when the order was signed. */
  async storedPdf(orderId: string): Promise<Buffer | null> {
    const document = await this.dataSource
      .getRepository(OrderDocument)
      .findOne({ where: { orderId }, select: { pdf: true, orderId: true } });
    return document?.pdf ?? null;
  }

  /** A signed (or later superseded or vacated) order's template and the data its PDF was rendered from. */
  async signedRendering(orderId: string): Promise<{ kind: OrderKind; templateId: string; renderedFrom: StoredRendering } | null> {
    const order = await this.dataSource.getRepository(CourtOrder).findOne({
      where: { id: orderId, status: Not('DRAFT') },
      select: { id: true, kind: true, templateId: true, renderedFrom: true },
    });
    if (!order?.renderedFrom) return null;
    return { kind: order.kind, templateId: order.templateId, renderedFrom: order.renderedFrom as StoredRendering };
  }

  /**
   * The signed orders of a court already in effect at `at`, as candidates for
   * the applicable-order rule: of one case (with the court's standing
   * orders), or of every case when `caseId` is null.
   */
  async candidatesInEffect(
    courtId: string,
    at: Date,
    caseId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrderCandidate[]> {
    const params = new SqlParams();
    const where = [`o.court_id = ${params.add(courtId)}`, `o.status IN ('SIGNED', 'SUPERSEDED')`, `o.effective_at <= ${params.add(at)}`];
    if (caseId) where.push(`((o.kind = 'INDIVIDUAL' AND o.case_id = ${params.add(caseId)}) OR o.kind = 'STANDING')`);
    const rows = (await manager.query(`SELECT ${CANDIDATE_COLUMNS} FROM orders o WHERE ${where.join(' AND ')}`, params.values)) as Array<
      Pick<OrderRow, 'id' | 'kind' | 'status' | 'court_id' | 'case_id' | 'agency_ids' | 'terms'> & { effective_at: Date; signed_at: Date }
    >;
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      courtId: r.court_id,
      caseId: r.case_id,
      agencyIds: r.agency_ids,
      effectiveAt: r.effective_at,
      signedAt: r.signed_at,
      terms: withDefaults(r.terms),
    }));
  }

  async signedSummary(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<SignedOrderSummary | null> {
    const order = await manager.getRepository(CourtOrder).findOneBy({ id: orderId });
    if (!order || !order.signedAt || !order.orderNumber || !order.sha256) return null;
    return {
      id: order.id,
      orderNumber: order.orderNumber,
      kind: order.kind,
      courtId: order.courtId,
      caseId: order.caseId,
      signedAt: order.signedAt,
      sha256: order.sha256,
    };
  }

  /** A signed order by the SHA-256 of its PDF or by its verification code. */
  async verifiable(by: { sha256: string } | { verificationCode: string }): Promise<VerifiedOrder | null> {
    const order = await this.dataSource.getRepository(CourtOrder).findOne({
      where: { ...by, status: Not('DRAFT') },
      select: { id: true, orderNumber: true, status: true, signedAt: true, courtId: true },
    });
    if (!order || !order.orderNumber || !order.signedAt) return null;
    return { orderNumber: order.orderNumber, status: order.status, signedAt: order.signedAt, courtId: order.courtId };
  }
}

/** A signed order's rendering snapshot as stored in `orders.rendered_from` (JSON: the dates are strings). */
export interface StoredRendering {
  data: OrderRendering['data'];
  settings: Omit<OrderRendering['settings'], 'createdAt' | 'modifiedAt'> & {
    createdAt: string;
    modifiedAt: string;
  };
}
