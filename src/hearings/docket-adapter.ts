import type { DocketEventView } from './docket-events.repository.js';
import type { DocketEventType } from './docket-events.js';
import type { DocketSyncStatus } from './hearing-request-types.js';

/** The injection token of the configured docket adapter (built-in, or the webhook when DOCKET_WEBHOOK_URL is set). */
export const DOCKET_ADAPTER = Symbol('DOCKET_ADAPTER');

/**
 * How the court's docket learns of hearing requests and signed orders. One
 * implementation per kind of docket, chosen in HearingsModule: the built-in
 * docket (the service's own calendar: nothing leaves) and the outbound
 * webhook to the case-management system; an OASIS LegalXML ECF adapter
 * would be a third.
 */
export interface DocketAdapter {
  /** What a new hearing request's docketSync starts as. */
  readonly initialSyncStatus: DocketSyncStatus;
  /** A hearing request was raised or cancelled, or an order signed: tell the docket (null when nothing is sent). */
  publish(type: DocketEventType, subjectId: string): Promise<DocketEventView | null>;
  /** One delivery of a stored event (a job); throws to be retried. */
  deliver(eventId: string, isLastAttempt: boolean): Promise<'delivered' | 'already-delivered' | 'unknown'>;
}
