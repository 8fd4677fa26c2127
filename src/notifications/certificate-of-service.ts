import { childInitials } from '../orders/order-document-data.js';
import { courtTime } from './notification-messages.js';
import type { NotificationView } from './notifications.repository.js';

/** How a certificate names each role served. */
const ROLES: Record<string, string> = {
  GUARDIAN_AD_LITEM: 'Guardian ad litem',
  CHILD_ATTORNEY: 'Attorney for the child',
  PARENT_ATTORNEY: 'Attorney for a parent',
  CASA: 'Court-appointed special advocate',
  PROBATION_OFFICER: 'Probation officer',
  CASEWORKER: 'Caseworker',
  OTHER: 'Participant',
};

export interface CertificateInput {
  court: { name: string; county: string; stateName: string; timezone: string };
  docketNumber: string;
  child: { firstName: string; lastName: string };
  /** "Order No. 2026-IO-0003, Order Regarding a Child Missing from Care" or "Notice of Hearing set for March 10, 2026 at 9:00 AM CST". */
  document: string;
  service: NotificationView[];
  certifiedBy: { name: string; title: string };
  now: Date;
}

type Row = { name: string; role: string; address: string; at: string };

/** The certificate template's data (templates/documents/certificate-of-service.md.tmpl). */
export interface CertificateData {
  court: { name: string; county: string; stateName: string };
  case: { docketNumber: string };
  child: { initials: string };
  document: { title: string; sha256: string | null };
  served: Row[];
  failed: Array<Row & { reason: string }>;
  pending: Row[];
  certifiedBy: { name: string; title: string };
  date: string;
}

/**
 * The clerk's certificate of who was served a document, by what means and
 * when, from the notification records: each delivered message is a person
 * served at an address at its sentAt; a FAILED one is service not made, with
 * the reason; one still being retried is pending.
 */
export function buildCertificate(input: CertificateInput): CertificateData {
  const tz = input.court.timezone;
  const row = (n: NotificationView, at: Date | null): Row => ({
    name: n.recipientName,
    role: ROLES[n.recipientRole] ?? n.recipientRole,
    address: n.recipient,
    at: at ? courtTime(at, tz) : '',
  });
  return {
    court: { name: input.court.name, county: input.court.county, stateName: input.court.stateName },
    case: { docketNumber: input.docketNumber },
    child: { initials: childInitials(input.child.firstName, input.child.lastName) },
    document: { title: input.document, sha256: input.service.find((n) => n.attachment)?.attachment?.sha256 ?? null },
    served: input.service.filter((n) => n.status === 'SENT').map((n) => row(n, n.sentAt)),
    failed: input.service
      .filter((n) => n.status === 'FAILED')
      .map((n) => ({ ...row(n, n.failedAt), reason: n.lastError ?? 'not delivered' })),
    pending: input.service.filter((n) => n.status === 'PENDING').map((n) => row(n, n.createdAt)),
    certifiedBy: input.certifiedBy,
    date: courtTime(input.now, tz),
  };
}

const sampleRow: Row = {
  name: 'Dana Whitfield',
  role: 'Guardian ad litem',
  address: 'dana@advocates.example',
  at: 'March 3, 2026 at 9:02 AM CST',
};

/** An example of every field, for the template check. */
export const SAMPLE_CERTIFICATE: CertificateData = {
  court: { name: 'Travis County Juvenile Court', county: 'Travis', stateName: 'Texas' },
  case: { docketNumber: 'JV-2026-00001' },
  child: { initials: 'J.D.' },
  document: { title: 'Order No. 2026-IO-0001', sha256: '0'.repeat(64) },
  served: [sampleRow],
  failed: [{ ...sampleRow, reason: 'SMTP 550: mailbox unavailable' }],
  pending: [sampleRow],
  certifiedBy: { name: 'Pat Clerk', title: 'Clerk of the Court' },
  date: 'March 3, 2026 at 10:00 AM CST',
};
