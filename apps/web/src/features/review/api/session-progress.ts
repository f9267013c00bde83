import type { SessionProgress } from '@pave/domain';
import { useReviewClient, type SessionsApi } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQuery } from '../../../lib/use-query.js';
import { refetchIntervalFor } from './live-refetch.js';

/**
 * `GET /v1/sessions/:key/progress`. The cache's structural sharing keeps unchanged steps the same objects,
 * so memoised cards do not re-render.
 */
export function sessionProgressQuery(client: SessionsApi, sessionKey: string): QueryDescriptor<SessionProgress> {
  return {
    key: ['session', sessionKey, 'progress'],
    fetch: (signal) => client.sessions.progress(sessionKey, { signal }),
  };
}

/** The 13 steps with their attempts, the status and whether capture is complete; polled live until finished (see liveRefetchInterval). */
export function useSessionProgress(sessionKey: string, streaming = false) {
  return useQuery(sessionProgressQuery(useReviewClient(), sessionKey), {
    refetchInterval: refetchIntervalFor(streaming),
  });
}
