import { useState } from 'react';
import type { ListSessionsParams } from '@pave/client/sessions';
import type { SessionList } from '@pave/domain';
import { useReviewClient, type SessionsApi } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useQuery } from '../../../lib/use-query.js';
import { setShownPages, startOfLocalDay, type ListFilters } from '../hooks/use-list-filters.js';

const pageSize = 20;

/** The pages of the sessions list shown so far, newest first. */
export type SessionPages = readonly SessionList[];

/** The key prefix of every sessions-list query (whatever the filter). */
export const sessionsListKey = ['sessions', 'list'] as const;

/** What the list asks the API for, from the filters: local days become the instants they start at. */
export type ListQuery = Pick<ListSessionsParams, 'status' | 'q' | 'created_from' | 'created_before'>;

/** The API query of the filters (paging aside). */
export function listQueryOf(filters: ListFilters): ListQuery {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.from ? { created_from: startOfLocalDay(filters.from) } : {}),
    ...(filters.to ? { created_before: startOfLocalDay(filters.to, 1) } : {}),
  };
}

type ListPage = { client: SessionsApi; query: ListQuery; cursor: string | null; signal: AbortSignal };

function listPage({ client, query, cursor, signal }: ListPage): Promise<SessionList> {
  return client.sessions.list({ ...query, limit: pageSize, ...(cursor ? { cursor } : {}) }, { signal });
}

/**
 * `GET /v1/sessions`, newest first, filtered. A load reads `pages` pages one after the other (each page's
 * `next_cursor` leads to the next), and a refresh as many as are shown, so "Load more" is not undone.
 */
export function sessionsListQuery(client: SessionsApi, query: ListQuery, pages = 1): QueryDescriptor<SessionPages> {
  return {
    key: [...sessionsListKey, { ...query }],
    fetch: async (signal, shown) => {
      const loaded: SessionList[] = [];
      let cursor: string | null = null;
      do {
        const page = await listPage({ client, query, cursor, signal });
        loaded.push(page);
        cursor = page.next_cursor;
      } while (cursor !== null && loaded.length < Math.max(shown?.length ?? 0, pages));
      return loaded;
    },
  };
}

/** Appends the page after the last one shown to the same cache entry. */
export function sessionsNextPageQuery(client: SessionsApi, query: ListQuery): QueryDescriptor<SessionPages> {
  return {
    key: sessionsListQuery(client, query).key,
    fetch: async (signal, shown = []) => {
      const cursor = shown.at(-1)?.next_cursor ?? null;
      return cursor === null ? shown : [...shown, await listPage({ client, query, cursor, signal })];
    },
  };
}

/**
 * The sessions list under `filters` (refreshed every `refetchInterval` ms, when given), paged with "load more"
 * (`hasNextPage`, `fetchNextPage`, `isFetchingNextPage`), the number of pages shown kept in the URL.
 */
export function useSessionsList(filters: ListFilters, refetchInterval: number | false = false) {
  const client = useReviewClient();
  const cache = useQueryCache();
  const query = listQueryOf(filters);
  const list = useQuery(sessionsListQuery(client, query, filters.pages), { refetchInterval });
  const [isFetchingNextPage, setFetchingNextPage] = useState(false);
  const fetchNextPage = async () => {
    setFetchingNextPage(true);
    await cache.fetch(sessionsNextPageQuery(client, query));
    setShownPages(cache.read<SessionPages>(sessionsListQuery(client, query).key).data?.length ?? 1);
    setFetchingNextPage(false);
  };
  const hasNextPage = (list.data?.at(-1)?.next_cursor ?? null) !== null;
  return { ...list, hasNextPage, fetchNextPage, isFetchingNextPage };
}
