import { Button, Tag } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Case, HearingRequest, Role } from '../api/views';
import { formatDate, formatInstant } from '../common/time';
import { childName } from '../episodes/labels';
import { CancelForm } from './CancelForm';
import { DraftContinuingOrder } from './DraftContinuingOrder';
import { HEARING_REASONS } from './labels';
import { hearingDocumentPath } from './queries';
import { ScheduleForm } from './ScheduleForm';

const SYNC: Record<HearingRequest['docketSync']['status'], string> = {
  NOT_CONFIGURED: 'Built-in docket',
  PENDING: 'Sending to the case-management system',
  SYNCED: 'In the case-management system',
  FAILED: 'Not delivered to the case-management system',
};

/** One hearing request: why, for whom, by when; schedule (clerks), cancel, the notice of hearing. */
interface HearingRequestItemProps {
  request: HearingRequest;
  courtCase: Case | undefined;
  zone: string;
  role: Role;
  /** A change moves the request to another list: the page says what happened. */
  onChanged(message: string): void;
}

export function HearingRequestItem({ request, courtCase, zone, role, onChanged }: HearingRequestItemProps) {
  const [open, setOpen] = useState<'schedule' | 'cancel' | null>(null);
  const reason = HEARING_REASONS[request.reason];
  const title = `${reason}, ${courtCase?.docketNumber ?? 'case'}`;
  const live = request.status !== 'CANCELLED';
  const toggle = (which: 'schedule' | 'cancel') => setOpen(open === which ? null : which);
  return (
    <li className="usa-collection__item" data-reason={request.reason} data-status={request.status}>
      <div className="usa-collection__body">
        <h3 className="usa-collection__heading">
          {reason}: <Link to={`/episodes/${request.episodeId}`}>{childName(courtCase?.child)}</Link>{' '}
          <Tag className={request.status === 'SCHEDULED' ? 'bg-green' : request.status === 'CANCELLED' ? 'bg-base-dark' : 'bg-primary'}>
            {request.status.toLowerCase()}
          </Tag>
        </h3>
        <ul className="usa-collection__meta" aria-label="About the request">
          {courtCase && (
            <li className="usa-collection__meta-item">
              Case <Link to={`/cases/${request.caseId}`}>{courtCase.docketNumber}</Link>
            </li>
          )}
          <li className="usa-collection__meta-item">Requested {formatInstant(request.requestedAt, zone)}</li>
          <li className="usa-collection__meta-item">To be heard by {formatDate(request.targetDate)}</li>
          {request.scheduledFor && (
            <li className="usa-collection__meta-item">
              Set for {formatInstant(request.scheduledFor, zone)}, {request.courtroom}
            </li>
          )}
          {request.cancelReason && <li className="usa-collection__meta-item">Cancelled: {request.cancelReason}</li>}
          <li className="usa-collection__meta-item">{SYNC[request.docketSync.status]}</li>
        </ul>
        {request.status === 'SCHEDULED' && (
          <ul className="usa-list usa-list--unstyled" aria-label={`Documents: ${title}`}>
            <li>
              <a href={hearingDocumentPath(request.id, 'notice')} target="_blank" rel="noopener">
                Notice of hearing (PDF)<span className="usa-sr-only">: {title}</span>
              </a>
            </li>
            <li>
              <a href={hearingDocumentPath(request.id, 'certificate-of-service')} target="_blank" rel="noopener">
                Certificate of service (PDF)<span className="usa-sr-only">: {title}</span>
              </a>
            </li>
          </ul>
        )}
        <div className="margin-top-1">
          {live && role === 'CLERK' && (
            <Button type="button" outline aria-expanded={open === 'schedule'} onClick={() => toggle('schedule')}>
              {request.status === 'SCHEDULED' ? 'Reschedule' : 'Schedule'}
              <span className="usa-sr-only">: {title}</span>
            </Button>
          )}
          {live && (role === 'CLERK' || role === 'JUDGE') && (
            <Button type="button" outline aria-expanded={open === 'cancel'} onClick={() => toggle('cancel')}>
              Cancel<span className="usa-sr-only">: {title}</span>
            </Button>
          )}
        </div>
        {open === 'schedule' && (
          <ScheduleForm
            request={request}
            zone={zone}
            title={title}
            onDone={() => {
              setOpen(null);
              onChanged(`Hearing scheduled: ${title}. The participants are sent the notice.`);
            }}
          />
        )}
        {open === 'cancel' && (
          <CancelForm
            requestId={request.id}
            title={title}
            onDone={() => {
              setOpen(null);
              onChanged(`Hearing request cancelled: ${title}.`);
            }}
          />
        )}
        {request.reason === 'PRE_MAJORITY' && live && (role === 'CLERK' || role === 'JUDGE') && (
          <div className="margin-top-2">
            <DraftContinuingOrder request={request} title={title} />
          </div>
        )}
      </div>
    </li>
  );
}
