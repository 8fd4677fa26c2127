import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { NotificationStatus } from '../api/views';

export const notificationKeys = {
  list: (filters: Record<string, string | undefined>) => ['notifications', filters] as const,
};

/** The messages sent to the people on cases the caller may see, newest first (judges, clerks, administrators). */
export function fetchNotifications(query: { episodeId?: string; status?: NotificationStatus; cursor?: string }) {
  return unwrap(api.GET('/api/v1/notifications', { params: { query } }));
}
