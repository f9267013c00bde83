import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { PaveClient } from '@pave/client';
import type { SessionStatus } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';

const pageSize = 20;

/** The key prefix of every sessions-list query (whatever the filter). */
export const sessionsListKey = ['sessions', 'list'] as const;

/** `GET /v1/sessions`, newest first, one page per `next_cursor`, optionally of one status. */
export function sessionsListQuery(client: PaveClient, status: SessionStatus | null) {
  return infiniteQueryOptions({
    queryKey: [...sessionsListKey, { status }] as const,
    queryFn: ({ pageParam, signal }) =>
      client.sessions.list(
        { limit: pageSize, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });
}

/** The sessions list, paged with "load more". */
export function useSessionsList(status: SessionStatus | null) {
  return useInfiniteQuery(sessionsListQuery(useReviewClient(), status));
}
