import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { HearingRequestStatus } from '../api/views';

/** The court's hearing requests, for the judge's home (the clerk's hearing pages keep their own). */
export function fetchHearingRequests(query: { courtId?: string; status?: HearingRequestStatus; episodeId?: string; cursor?: string }) {
  return unwrap(api.GET('/api/v1/hearing-requests', { params: { query } }));
}
