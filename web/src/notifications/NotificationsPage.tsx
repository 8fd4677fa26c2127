import { Select } from '@trussworks/react-uswds';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Notification, NotificationStatus } from '../api/views';
import { useUser } from '../auth/session';
import { useCasesById } from '../cases/queries';
import { Field } from '../common/Field';
import { usePageTitle } from '../common/usePageTitle';
import { usePagedList } from '../common/usePagedList';
import { useCourtZones } from '../directory/queries';
import { NOTIFICATION_STATUSES } from './labels';
import { NotificationsTable } from './NotificationsTable';
import { fetchNotifications, notificationKeys } from './queries';

/** Every message to the people on the court's cases, filtered by whether it reached them. */
export default function NotificationsPage() {
  usePageTitle('Notifications');
  const user = useUser();
  const zoneOf = useCourtZones();
  const [status, setStatus] = useState<NotificationStatus | ''>('');
  const list = usePagedList(notificationKeys.list({ status: status || undefined }), (cursor) =>
    fetchNotifications({ status: status || undefined, cursor }),
  );
  const caseOf = useCasesById(list.items.flatMap((message) => message.caseId ?? []));
  // Administrators have no episode pages: they see the case's docket number only.
  const opensEpisodes = user.role !== 'ADMIN';
  const about = (message: Notification) => {
    const docket = message.caseId ? caseOf(message.caseId)?.docketNumber : undefined;
    const name = docket ? `Case ${docket}` : 'The episode';
    if (message.episodeId && opensEpisodes) return <Link to={`/episodes/${message.episodeId}`}>{name}</Link>;
    return docket ? name : '—';
  };
  return (
    <>
      <h1>Notifications</h1>
      <p>The e-mail sent to the people on the court’s cases, newest first: whether it reached them, and if not, why.</p>
      <Field id="notifications-status" label="Status">
        <Select
          id="notifications-status"
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value as NotificationStatus | '')}
        >
          <option value="">All</option>
          {Object.entries(NOTIFICATION_STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <NotificationsTable
        list={list}
        caption={status ? `${NOTIFICATION_STATUSES[status]} messages, newest first` : 'Messages, newest first'}
        empty={status ? `No message is ${NOTIFICATION_STATUSES[status].toLowerCase()}.` : 'No message has been sent yet.'}
        zoneOf={zoneOf}
        about={{ label: 'Episode', cell: about }}
      />
    </>
  );
}
