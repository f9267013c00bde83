import type { QueryDescriptor } from './query-cache.js';
import { hashKey, stopFetch, type Entry, type QueryEntries } from './query-entries.js';

const defaultStaleMs = 1_000;

/** How a cache loads queries: one fetch in flight per key, the newest one winning. */
export type QueryFetcher = {
  /** Starts a fetch, aborting the one in flight for the same key. */
  start: <T>(descriptor: QueryDescriptor<T>) => Promise<void>;
  /** Joins the fetch in flight for the key, or starts one. */
  fetch: <T>(descriptor: QueryDescriptor<T>) => Promise<void>;
  /** Fetches unless the key's answer is fresh. */
  fetchIfStale: <T>(descriptor: QueryDescriptor<T>) => Promise<void>;
};

// false when the fetch was aborted, replaced by a newer one or cleared: its answer is no longer wanted
function own(entry: Entry, controller: AbortController): boolean {
  if (entry.controller !== controller) return false;
  entry.controller = null;
  entry.promise = null;
  return true;
}

function isFresh(entry: Entry | undefined, staleMs: number): boolean {
  const age = entry ? Date.now() - entry.dataAt : Infinity;
  return entry?.state.status === 'success' && !entry.invalid && age < staleMs;
}

/** The fetching side of a cache over `store`. Fetches never reject: failures land in the entry's state. */
export function createQueryFetcher(store: QueryEntries): QueryFetcher {
  const start = <T>(descriptor: QueryDescriptor<T>): Promise<void> => {
    const entry = store.entryOf(descriptor.key);
    stopFetch(entry);
    const controller = new AbortController();
    entry.controller = controller;
    store.update(entry, { isFetching: true });
    entry.promise = descriptor.fetch(controller.signal, entry.state.data as T | undefined).then(
      (data) => {
        if (own(entry, controller)) store.succeed(entry, data);
      },
      (error: unknown) => {
        if (own(entry, controller)) store.update(entry, { error, status: 'error', isFetching: false });
      },
    );
    return entry.promise;
  };
  const fetch = <T>(descriptor: QueryDescriptor<T>): Promise<void> =>
    store.entries.get(hashKey(descriptor.key))?.promise ?? start(descriptor);
  const fetchIfStale = <T>(descriptor: QueryDescriptor<T>): Promise<void> => {
    const entry = store.entries.get(hashKey(descriptor.key));
    return isFresh(entry, descriptor.staleMs ?? defaultStaleMs) ? Promise.resolve() : fetch(descriptor);
  };
  return { start, fetch, fetchIfStale };
}
