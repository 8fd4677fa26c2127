import { DateTime } from 'luxon';
import type { OrderKind } from './applicable-order.js';
import { formatDays, formatHours, type OrderTerms } from './order-terms.js';
import type { DocumentSettings } from './rendering/document-pipeline.js';
import type { EpisodeOrderFindings } from './episode-order-findings.js';
import type {
  CourtData,
  DeadlinesData,
  IndividualOrderData,
  OrderContinuingJurisdictionData,
  OrderToShowCauseData,
  StandingOrderData,
} from './rendering/template-data.js';

/** Everything an order's document is built from, as loaded by the service. */
export interface OrderDocumentContext {
  order: {
    id: string;
    kind: OrderKind;
    effectiveAt: Date | null;
    terms: OrderTerms;
    /** Set once signed: the number, the code, who signed and when. */
    orderNumber: string | null;
    verificationCode: string | null;
    signedAt: Date | null;
    signedByName: string | null;
    createdAt: Date;
    updatedAt: Date;
    /** SHOW_CAUSE and CONTINUING_JURISDICTION orders: the findings drafted from the episode. */
    findings?: EpisodeOrderFindings | null;
  };
  court: {
    name: string;
    county: string;
    state: string;
    stateName: string;
    timezone: string;
  };
  /** INDIVIDUAL orders. */
  case: { docketNumber: string } | null;
  child: { firstName: string; lastName: string } | null;
  /** STANDING orders: the agencies bound, or null for every agency. */
  agencies: Array<{ name: string }> | null;
  title: string;
  publicBaseUrl: string;
}

/** What an order's template is rendered with, and the settings of its PDF: all that a signed order stores. */
export interface OrderRendering {
  data: IndividualOrderData | StandingOrderData | OrderToShowCauseData | OrderContinuingJurisdictionData;
  settings: DocumentSettings;
}

export function buildOrderRendering(ctx: OrderDocumentContext): OrderRendering {
  const { order, court } = ctx;
  const signed = order.signedAt !== null;
  const timezone = court.timezone;
  const courtData: CourtData = {
    name: court.name,
    county: court.county,
    state: court.state,
    stateName: court.stateName,
  };
  const effective =
    order.effectiveAt === null || (order.signedAt !== null && order.effectiveAt.getTime() === order.signedAt.getTime())
      ? 'upon signing'
      : formatCourtInstant(order.effectiveAt, timezone);
  const common = {
    court: courtData,
    order: { number: order.orderNumber, effective },
    terms: { ...order.terms },
    deadlines: deadlinesOf(order.terms),
    signed,
    signature: {
      judgeName: signed ? order.signedByName : null,
      date: signed && order.signedAt ? formatCourtDate(order.signedAt, timezone) : null,
    },
  };
  let data: OrderRendering['data'];
  if (order.kind === 'SHOW_CAUSE' || order.kind === 'CONTINUING_JURISDICTION') {
    data = episodeOrderData(ctx, { court: courtData, order: { number: order.orderNumber }, signed, signature: common.signature });
  } else if (order.kind === 'INDIVIDUAL') {
    if (!ctx.case || !ctx.child) throw new Error(`order ${order.id}: an individual order needs its case and child`);
    data = {
      ...common,
      case: { docketNumber: ctx.case.docketNumber },
      child: {
        initials: childInitials(ctx.child.firstName, ctx.child.lastName),
      },
    };
  } else {
    data = {
      ...common,
      agencies: {
        every: !ctx.agencies || ctx.agencies.length === 0,
        names: (ctx.agencies ?? []).map((a) => ({ name: a.name })),
      },
    };
  }
  return { data, settings: orderDocumentSettings(ctx) };
}

/** An order drafted from an episode: its stored findings in the caption of its case. */
function episodeOrderData(
  ctx: OrderDocumentContext,
  common: Pick<OrderToShowCauseData, 'court' | 'order' | 'signed' | 'signature'>,
): OrderToShowCauseData | OrderContinuingJurisdictionData {
  const { order } = ctx;
  const findings = order.findings;
  if (!ctx.case || !ctx.child || !findings || findings.kind !== order.kind) {
    throw new Error(`order ${order.id}: an order drafted from an episode needs its case, child and findings`);
  }
  const caption = {
    case: { docketNumber: ctx.case.docketNumber },
    child: { initials: childInitials(ctx.child.firstName, ctx.child.lastName) },
  };
  if (findings.kind === 'SHOW_CAUSE') {
    return {
      ...common,
      ...caption,
      agency: findings.agency,
      governingOrder: findings.governingOrder,
      failures: findings.failures,
      hearing: findings.hearing,
    };
  }
  return {
    ...common,
    ...caption,
    missingSince: findings.missingSince,
    majorityDate: findings.majorityDate,
    timeMissing: findings.timeMissing,
  };
}

function orderDocumentSettings(ctx: OrderDocumentContext): DocumentSettings {
  const { order } = ctx;
  if (order.signedAt === null || order.orderNumber === null || order.verificationCode === null) {
    return {
      title: ctx.title,
      author: ctx.court.name,
      draft: true,
      footer: {
        reference: 'DRAFT - not signed; no order number yet',
        verification:
          'A draft is not an order of the Court and cannot be verified. Once signed, the order carries its number and a verification code.',
      },
      createdAt: order.createdAt,
      modifiedAt: order.updatedAt,
    };
  }
  const verifyUrl = `${ctx.publicBaseUrl}/api/v1/orders/verify`;
  return {
    title: ctx.title,
    author: ctx.court.name,
    draft: false,
    footer: {
      reference: `Order No. ${order.orderNumber} | Verification code ${order.verificationCode}`,
      verification: `To verify this order, look up code ${order.verificationCode} at ${verifyUrl}?code=${order.verificationCode} or upload this PDF to ${verifyUrl} (the Court's record holds the SHA-256 of the signed PDF).`,
    },
    createdAt: order.signedAt,
    modifiedAt: order.signedAt,
  };
}

export function deadlinesOf(terms: OrderTerms): DeadlinesData {
  return {
    lawEnforcementReport: formatHours(terms.lawEnforcementReportHours),
    ncicEntry: formatHours(terms.ncicEntryHours),
    ncmecReport: formatHours(terms.ncmecReportHours),
    photoMaxAge: formatDays(terms.photoMaxAgeDays),
    statusUpdate: formatDays(terms.statusUpdateDays),
    recoveryNotification: formatHours(terms.recoveryNotificationHours),
    postRecoveryPhoto: formatHours(terms.postRecoveryPhotoHours),
    safetyAssessment: formatHours(terms.safetyAssessmentHours),
    runDebrief: formatHours(terms.runDebriefHours),
    hearingWithin: `${terms.hearingWithinCourtDays} court ${terms.hearingWithinCourtDays === 1 ? 'day' : 'days'}`,
  };
}

/** "J.D.": a child is named by initials in every document. */
export function childInitials(firstName: string, lastName: string): string {
  const initial = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? '';
  return [initial(firstName), initial(lastName)]
    .filter(Boolean)
    .map((c) => `${c}.`)
    .join('');
}

/** "March 3, 2026" in the court's time zone. */
export function formatCourtDate(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-US').toFormat('MMMM d, yyyy');
}

/** "at 9:00 AM CST on March 10, 2026" in the court's time zone. */
export function formatCourtInstant(instant: Date, timezone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-US');
  return `at ${local.toFormat('h:mm a ZZZZ')} on ${local.toFormat('MMMM d, yyyy')}`;
}
