import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PaveClient } from '@pave/client';
import { useReviewClient } from '../../../lib/clients.js';
import { liveRefetchInterval } from './live-refetch.js';

/** `GET /v1/sessions/:key`, polled while the session is not finished. */
export function sessionQuery(client: PaveClient, sessionKey: string) {
  return queryOptions({
    queryKey: ['session', sessionKey] as const,
    queryFn: ({ signal }) => client.sessions.get(sessionKey, { signal }),
    refetchInterval: liveRefetchInterval,
  });
}

/** The session's details (status, capture link, dates). */
export function useSession(sessionKey: string) {
  return useQuery(sessionQuery(useReviewClient(), sessionKey));
}
