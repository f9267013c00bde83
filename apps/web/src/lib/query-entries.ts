import type { QueryDescriptor, QueryKey, QueryState } from './query-cache.js';
import { replaceEqualDeep } from './replace-equal-deep.js';

/** What a mounted `useQuery` tells the cache: how to refetch it (null while disabled). */
export type Observer = { onChange: () => void; current: () => QueryDescriptor<unknown> | null };

/** One key's state and its fetch in flight. */
export type Entry = {
  key: QueryKey;
  state: QueryState<unknown>;
  /** When the data last arrived (ms), and whether it was invalidated since. */
  dataAt: number;
  invalid: boolean;
  controller: AbortController | null;
  promise: Promise<void> | null;
};

/** The entries and observers of one cache, and the changes every operation makes to an entry. */
export type QueryEntries = {
  readonly entries: Map<string, Entry>;
  readonly observers: Map<string, Set<Observer>>;
  /** The entry of `key`, made (pending) when there is none. */
  entryOf: (key: QueryKey) => Entry;
  /** Changes an entry's state (a new object) and tells its observers. */
  update: (entry: Entry, patch: Partial<QueryState<unknown>>) => void;
  /** Stores an answer, keeping the identity of every unchanged part of the data shown. */
  succeed: (entry: Entry, data: unknown) => void;
};

/** The state of a key nothing is cached for. */
export const initialState: QueryState<never> = { data: undefined, error: null, status: 'pending', isFetching: false };

/** The cache's identity of a key. */
export function hashKey(key: QueryKey): string {
  return JSON.stringify(key);
}

/** Aborts an entry's fetch in flight, if any, and forgets it. */
export function stopFetch(entry: Entry): void {
  entry.controller?.abort();
  entry.controller = null;
  entry.promise = null;
}

/** An empty set of entries and observers. */
export function createQueryEntries(): QueryEntries {
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
  return { entries, observers, entryOf, update, succeed };
}
