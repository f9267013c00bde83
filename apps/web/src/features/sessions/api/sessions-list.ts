import { useState } from 'react';
import type { PaveClient } from '@pave/client';
import type { SessionList, SessionStatus } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useQuery } from '../../../lib/use-query.js';

const pageSize = 20;

/** The pages of the sessions list shown so far, newest first. */
export type SessionPages = readonly SessionList[];

/** The key prefix of every sessions-list query (whatever the filter). */
export const sessionsListKey = ['sessions', 'list'] as const;

type ListPage = { client: PaveClient; status: SessionStatus | null; cursor: string | null; signal: AbortSignal };

function listPage({ client, status, cursor, signal }: ListPage): Promise<SessionList> {
  return client.sessions.list(
    { limit: pageSize, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
    { signal },
  );
}

/**
 * `GET /v1/sessions`, newest first, optionally of one status. A refresh reloads as many pages as are shown,
 * one after the other (each page's `next_cursor` leads to the next), so "Load more" is not undone.
 */
export function sessionsListQuery(client: PaveClient, status: SessionStatus | null): QueryDescriptor<SessionPages> {
  return {
    key: [...sessionsListKey, { status }],
    fetch: async (signal, shown) => {
      const pages: SessionList[] = [];
      let cursor: string | null = null;
      do {
        const page = await listPage({ client, status, cursor, signal });
        pages.push(page);
        cursor = page.next_cursor;
      } while (cursor !== null && pages.length < (shown?.length ?? 1));
      return pages;
    },
  };
}

/** Appends the page after the last one shown to the same cache entry. */
export function sessionsNextPageQuery(client: PaveClient, status: SessionStatus | null): QueryDescriptor<SessionPages> {
  return {
    key: sessionsListQuery(client, status).key,
    fetch: async (signal, shown = []) => {
      const cursor = shown.at(-1)?.next_cursor ?? null;
      return cursor === null ? shown : [...shown, await listPage({ client, status, cursor, signal })];
    },
  };
}

/** The sessions list (refreshed every `refetchInterval` ms, when given), paged with "load more" (`hasNextPage`, `fetchNextPage`, `isFetchingNextPage`). */
export function useSessionsList(status: SessionStatus | null, refetchInterval: number | false = false) {
  const client = useReviewClient();
  const cache = useQueryCache();
  const list = useQuery(sessionsListQuery(client, status), { refetchInterval });
  const [isFetchingNextPage, setFetchingNextPage] = useState(false);
  const fetchNextPage = async () => {
    setFetchingNextPage(true);
    await cache.fetch(sessionsNextPageQuery(client, status));
    setFetchingNextPage(false);
  };
  const hasNextPage = (list.data?.at(-1)?.next_cursor ?? null) !== null;
  return { ...list, hasNextPage, fetchNextPage, isFetchingNextPage };
}
