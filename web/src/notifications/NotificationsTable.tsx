import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import type { Notification, Page } from '../api/views';
import { LoadMore } from '../common/LoadMore';
import { LoadError, Loading } from '../common/Notice';
import { formatInstant } from '../common/time';
import type { usePagedList } from '../common/usePagedList';
import { NOTIFICATION_EVENTS, NOTIFICATION_STATUSES } from './labels';

interface NotificationsTableProps {
  list: ReturnType<typeof usePagedList<Page<Notification>>>;
  caption: string;
  /** What an empty list says. */
  empty: string;
  /** The time zone of the message's court. */
  zoneOf(courtId: string): string;
  /** A last column saying what the message was about (the episode), when the page shows many. */
  about?: { label: string; cell(message: Notification): ReactNode };
}

/** Messages to the people on cases, a page at a time: what, to whom, whether it reached them, and why not. */
export function NotificationsTable({ list, caption, empty, zoneOf, about }: NotificationsTableProps) {
  return (
    <>
      {list.error && <LoadError error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <Table fullWidth stackedStyle="default" caption={caption}>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Sent</th>
              <th scope="col">Last error</th>
              {about && <th scope="col">{about.label}</th>}
            </tr>
          </thead>
          <tbody>
            {list.items.map((message) => (
              <tr key={message.id} data-status={message.status}>
                <th scope="row" data-label="What">
                  {NOTIFICATION_EVENTS[message.event]}
                </th>
                <td data-label="To">
                  {message.recipientName ?? message.recipient}
                  {message.recipientRole ? ` (${message.recipientRole.toLowerCase().replaceAll('_', ' ')})` : ''}
                  <div className="text-base">{message.recipient}</div>
                </td>
                <td data-label="Status">{NOTIFICATION_STATUSES[message.status]}</td>
                <td data-label="Attempts">{message.attempts}</td>
                <td data-label="Sent">{formatInstant(message.sentAt, zoneOf(message.courtId))}</td>
                <td data-label="Last error">{message.lastError ?? '—'}</td>
                {about && <td data-label={about.label}>{about.cell(message)}</td>}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore list={list} />
    </>
  );
}
