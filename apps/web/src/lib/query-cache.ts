import { createQueryEntries, hashKey, initialState, stopFetch } from './query-entries.js';
import { createQueryFetcher } from './query-fetcher.js';
import { clearQueries, invalidateQueries, observeQuery } from './query-observers.js';

/**
 * A query's identity: JSON values, most general part first (`['session', key, 'progress']`), so that
 * {@link QueryCache.invalidate} can name a whole family by a prefix. Factories build keys, so object parts
 * always list their properties in the same order.
 */
export type QueryKey = readonly unknown[];

/** How to load one query: what `features/<f>/api/` factories return (`sessionQuery(client, key)`). */
export type QueryDescriptor<T> = {
  key: QueryKey;
  /** Loads the data; `shown` is what the cache holds now (a paged list refreshes as many pages as shown). */
  fetch: (signal: AbortSignal, shown: T | undefined) => Promise<T>;
  /** How long an answer is fresh, so mounting a component again does not refetch it; default 1 s. */
  staleMs?: number;
};

/** Where a query stands: no answer yet, the last fetch failed, or it succeeded. */
export type QueryStatus = 'pending' | 'error' | 'success';

/** A query's state; a new object on every change, the same one otherwise. */
export type QueryState<T> = {
  /** The last answer, kept while refetching and after a failed refresh (stale-while-revalidate). */
  data: T | undefined;
  /** Why the last fetch failed (narrow it with `isPaveClientError`), null after a success. */
  error: unknown;
  status: QueryStatus;
  isFetching: boolean;
};

/**
 * The app's server-data cache (see {@link createQueryCache}). No retries here: @pave/client already retries
 * what is safe to retry (GETs on network errors, timeouts and 5xx, with backoff), and retrying on top would
 * multiply the attempts. No refetch on window focus either: live pages poll on their own.
 */
export type QueryCache = {
  /** The state of `key`; a shared pending state when nothing is cached. */
  read: <T>(key: QueryKey) => QueryState<T>;
  /** Registers a mounted query; the last observer leaving aborts its fetch in flight. Returns the unsubscribe. */
  observe: <T>(key: QueryKey, onChange: () => void, current: () => QueryDescriptor<T> | null) => () => void;
  /** Loads a query, joining the fetch in flight for the same key. Never rejects: failures land in the state. */
  fetch: <T>(descriptor: QueryDescriptor<T>) => Promise<void>;
  /** Loads a query unless its answer is fresh (mounting, enabling). */
  fetchIfStale: <T>(descriptor: QueryDescriptor<T>) => Promise<void>;
  /** Stores an answer that arrived another way (a mutation's response), aborting an older fetch in flight. */
  setData: <T>(key: QueryKey, data: T) => void;
  /**
   * Marks every query whose key starts with `prefix` stale and refetches the observed ones now (aborting a fetch
   * in flight, which may predate the change); resolves when they are done. Mutations call it after a success.
   * With `exact`, only the query of that very key.
   */
  invalidate: (prefix: QueryKey, options?: { exact?: boolean }) => Promise<void>;
  /** Forgets every answer and aborts every fetch (sign-in and sign-out). */
  clear: () => void;
  /** How many queries hold state (tests check that sign-out forgets them). */
  size: () => number;
};

/** Creates an empty cache; the app makes one and shares it through `QueryCacheProvider`. */
export function createQueryCache(): QueryCache {
  const store = createQueryEntries();
  const fetcher = createQueryFetcher(store);
  return {
    read: <T>(key: QueryKey) => (store.entries.get(hashKey(key))?.state ?? initialState) as QueryState<T>,
    observe: (key, onChange, current) => observeQuery(store, key, { onChange, current }),
    fetch: fetcher.fetch,
    fetchIfStale: fetcher.fetchIfStale,
    setData: (key, data) => {
      const entry = store.entryOf(key);
      stopFetch(entry);
      store.succeed(entry, data);
    },
    invalidate: (prefix, options) => invalidateQueries(store, fetcher, prefix, options?.exact ?? false),
    clear: () => clearQueries(store),
    size: () => store.entries.size,
  };
}
