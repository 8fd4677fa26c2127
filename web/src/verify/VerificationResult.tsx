import type { Verification } from '../api/views';
import { Notice } from '../common/Notice';
import { formatInstant } from '../common/time';

const STATUS_WORDS: Record<NonNullable<Verification['status']>, string> = {
  DRAFT: 'Draft (not signed)',
  SIGNED: 'Signed, in force',
  SUPERSEDED: 'Signed, since superseded by a later order',
  VACATED: 'Signed, since vacated by the court',
};

/** The court's answer: genuine (with the order number, status and court) or not. Never anything about a child. */
export function VerificationResult({ result, checked }: { result: Verification; checked: string }) {
  if (!result.valid) {
    return (
      <Notice type="error" heading="Not a genuine order">
        <p className="margin-0">
          The court has no signed order matching {checked}. A PDF changed in any way after it was signed, or a mistyped code, does not
          match. Ask the court that issued it.
        </p>
      </Notice>
    );
  }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Notice type="success" heading="Genuine order">
      <p className="margin-top-0">The court signed exactly this order ({checked}).</p>
      <ul className="usa-list usa-list--unstyled">
        <li>
          <strong>Order number:</strong> {result.orderNumber}
        </li>
        <li>
          <strong>Status:</strong> {result.status ? STATUS_WORDS[result.status] : '—'}
        </li>
        <li>
          <strong>Court:</strong> {result.courtName}
        </li>
        <li>
          <strong>Signed:</strong> {formatInstant(result.signedAt, zone)}
        </li>
      </ul>
    </Notice>
  );
}
