import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PaveClient } from '@pave/client';
import { useReviewClient } from '../../../lib/clients.js';
import { liveRefetchInterval } from './live-refetch.js';

/**
 * `GET /v1/sessions/:key/progress`, polled every 2 s while the session is not finished. Structural
 * sharing (on by default) keeps unchanged steps the same objects, so memoised cards do not re-render.
 */
export function sessionProgressQuery(client: PaveClient, sessionKey: string) {
  return queryOptions({
    queryKey: ['session', sessionKey, 'progress'] as const,
    queryFn: ({ signal }) => client.sessions.progress(sessionKey, { signal }),
    refetchInterval: liveRefetchInterval,
    structuralSharing: true,
  });
}

/** The 13 steps with their attempts, the status and whether capture is complete. */
export function useSessionProgress(sessionKey: string) {
  return useQuery(sessionProgressQuery(useReviewClient(), sessionKey));
}
