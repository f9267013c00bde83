import { replaceEqualDeep } from './replace-equal-deep.js';

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

/** What a mounted `useQuery` tells the cache: how to refetch it (null while disabled). */
type Observer = { onChange: () => void; current: () => QueryDescriptor<unknown> | null };

type Entry = {
  key: QueryKey;
  state: QueryState<unknown>;
  /** When the data last arrived (ms), and whether it was invalidated since. */
  dataAt: number;
  invalid: boolean;
  controller: AbortController | null;
  promise: Promise<void> | null;
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
   */
  invalidate: (prefix: QueryKey) => Promise<void>;
  /** Forgets every answer and aborts every fetch (sign-in and sign-out). */
  clear: () => void;
  /** How many queries hold state (tests check that sign-out forgets them). */
  size: () => number;
};

const defaultStaleMs = 1_000;

const initialState: QueryState<never> = { data: undefined, error: null, status: 'pending', isFetching: false };

/** The cache's identity of a key. */
export function hashKey(key: QueryKey): string {
  return JSON.stringify(key);
}

function stop(entry: Entry): void {
  entry.controller?.abort();
  entry.controller = null;
  entry.promise = null;
}

/** Creates an empty cache; the app makes one and shares it through `QueryCacheProvider`. */
export function createQueryCache(): QueryCache {
  const entries = new Map<string, Entry>();
  const observers = new Map<string, Set<Observer>>();
  const entryOf = (key: QueryKey): Entry => {
    const hash = hashKey(key);
    const entry = entries.get(hash) ?? {
      key,
      state: initialState,
      dataAt: 0,
      invalid: false,
      controller: null,
      promise: null,
    };
    entries.set(hash, entry);
    return entry;
  };
  const update = (entry: Entry, patch: Partial<QueryState<unknown>>): void => {
    entry.state = { ...entry.state, ...patch };
    observers.get(hashKey(entry.key))?.forEach((observer) => observer.onChange());
  };
  const succeed = (entry: Entry, data: unknown): void => {
    Object.assign(entry, { dataAt: Date.now(), invalid: false });
    update(entry, {
      data: replaceEqualDeep(entry.state.data, data),
      error: null,
      status: 'success',
      isFetching: false,
    });
  };
  // false when the fetch was aborted, replaced by a newer one or cleared: its answer is no longer wanted
  const own = (entry: Entry, controller: AbortController): boolean => {
    if (entry.controller !== controller) return false;
    entry.controller = null;
    entry.promise = null;
    return true;
  };
  const start = <T>(descriptor: QueryDescriptor<T>): Promise<void> => {
    const entry = entryOf(descriptor.key);
    stop(entry);
    const controller = new AbortController();
    entry.controller = controller;
    update(entry, { isFetching: true });
    entry.promise = descriptor.fetch(controller.signal, entry.state.data as T | undefined).then(
      (data) => {
        if (own(entry, controller)) succeed(entry, data);
      },
      (error: unknown) => {
        if (own(entry, controller)) update(entry, { error, status: 'error', isFetching: false });
      },
    );
    return entry.promise;
  };
  const fetch = <T>(descriptor: QueryDescriptor<T>): Promise<void> =>
    entries.get(hashKey(descriptor.key))?.promise ?? start(descriptor);
  return {
    read: <T>(key: QueryKey) => (entries.get(hashKey(key))?.state ?? initialState) as QueryState<T>,
    observe: (key, onChange, current) => {
      const hash = hashKey(key);
      const observer = { onChange, current } as Observer;
      const watching = observers.get(hash) ?? new Set<Observer>();
      observers.set(hash, watching.add(observer));
      return () => {
        watching.delete(observer);
        if (watching.size > 0) return;
        const entry = entries.get(hash);
        if (!entry?.controller) return;
        stop(entry);
        update(entry, { isFetching: false });
      };
    },
    fetch,
    fetchIfStale: (descriptor) => {
      const entry = entries.get(hashKey(descriptor.key));
      const age = entry ? Date.now() - entry.dataAt : Infinity;
      const fresh = entry?.state.status === 'success' && !entry.invalid && age < (descriptor.staleMs ?? defaultStaleMs);
      return fresh ? Promise.resolve() : fetch(descriptor);
    },
    setData: (key, data) => {
      const entry = entryOf(key);
      stop(entry);
      succeed(entry, data);
    },
    invalidate: async (prefix) => {
      const refetches: Promise<void>[] = [];
      for (const [hash, entry] of [...entries]) {
        if (hashKey(entry.key.slice(0, prefix.length)) !== hashKey(prefix)) continue;
        entry.invalid = true;
        const descriptor = [...(observers.get(hash) ?? [])].map((observer) => observer.current()).find(Boolean);
        if (descriptor) refetches.push(start(descriptor));
      }
      await Promise.all(refetches);
    },
    clear: () => {
      entries.forEach(stop);
      entries.clear();
      observers.forEach((watching) => watching.forEach((observer) => observer.onChange()));
    },
    size: () => entries.size,
  };
}
