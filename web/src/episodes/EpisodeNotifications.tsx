import { Table } from '@trussworks/react-uswds';
import type { Episode, NotificationEvent } from '../api/views';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { formatInstant } from '../common/time';
import { usePagedList } from '../common/usePagedList';
import { fetchNotifications } from './queries';

const EVENTS: Record<NotificationEvent, string> = {
  'child.missing': 'Child missing',
  'obligation.overdue': 'Duty overdue',
  'evidence.rejected': 'Proof rejected',
  'hearing.scheduled': 'Hearing scheduled',
  'hearing.cancelled': 'Hearing cancelled',
  'order.signed': 'Order signed',
};

const STATUSES = { PENDING: 'Being sent', SENT: 'Sent', FAILED: 'Failed' } as const;

/** Who was told what about the episode, and whether it reached them (judges and clerks). */
export function EpisodeNotifications({ episode, zone }: { episode: Episode; zone: string }) {
  const list = usePagedList(['notifications', { episodeId: episode.id }], (cursor) =>
    fetchNotifications({ episodeId: episode.id, cursor }),
  );
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">People told</h2>
      {list.error && <LoadError error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <p>No message has been sent about this episode yet.</p>
      ) : (
        <Table fullWidth stackedStyle="default" caption="Messages about this episode, newest first">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((message) => (
              <tr key={message.id}>
                <th scope="row" data-label="What">
                  {EVENTS[message.event]}
                </th>
                <td data-label="To">
                  {message.recipientName ?? message.recipient}
                  {message.recipientRole ? ` (${message.recipientRole.toLowerCase().replaceAll('_', ' ')})` : ''}
                </td>
                <td data-label="Status">
                  {STATUSES[message.status]}
                  {message.lastError ? `: ${message.lastError}` : ''}
                </td>
                <td data-label="Sent">{formatInstant(message.sentAt, zone)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore list={list} />
    </section>
  );
}
