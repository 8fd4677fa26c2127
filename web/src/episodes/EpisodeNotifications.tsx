import type { Episode } from '../api/views';
import { usePagedList } from '../common/usePagedList';
import { NotificationsTable } from '../notifications/NotificationsTable';
import { fetchNotifications, notificationKeys } from '../notifications/queries';

/** Who was told what about the episode, and whether it reached them (judges and clerks). */
export function EpisodeNotifications({ episode, zone }: { episode: Episode; zone: string }) {
  const list = usePagedList(notificationKeys.list({ episodeId: episode.id }), (cursor) =>
    fetchNotifications({ episodeId: episode.id, cursor }),
  );
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">People told</h2>
      <NotificationsTable
        list={list}
        caption="Messages about this episode, newest first"
        empty="No message has been sent about this episode yet."
        zoneOf={() => zone}
      />
    </section>
  );
}
