import type { QueryDescriptor, QueryKey } from './query-cache.js';
import type { QueryFetcher } from './query-fetcher.js';
import { hashKey, stopFetch, type Observer, type QueryEntries } from './query-entries.js';

/** Registers a mounted query; the last observer of a key leaving aborts its fetch in flight. Returns the unsubscribe. */
export function observeQuery<T>(
  store: QueryEntries,
  key: QueryKey,
  observer: { onChange: () => void; current: () => QueryDescriptor<T> | null },
): () => void {
  const hash = hashKey(key);
  const added = observer as Observer;
  const watching = store.observers.get(hash) ?? new Set<Observer>();
  store.observers.set(hash, watching.add(added));
  return () => {
    watching.delete(added);
    if (watching.size > 0) return;
    const entry = store.entries.get(hash);
    if (!entry?.controller) return;
    stopFetch(entry);
    store.update(entry, { isFetching: false });
  };
}

/**
 * Marks every query under `prefix` (with `exact`, only the query of that key) stale and refetches the observed ones
 * now; resolves when they are done.
 */
export async function invalidateQueries(
  store: QueryEntries,
  fetcher: QueryFetcher,
  prefix: QueryKey,
  exact = false,
): Promise<void> {
  const refetches: Promise<void>[] = [];
  for (const [hash, entry] of [...store.entries]) {
    if (exact && entry.key.length !== prefix.length) continue;
    if (hashKey(entry.key.slice(0, prefix.length)) !== hashKey(prefix)) continue;
    entry.invalid = true;
    const descriptor = [...(store.observers.get(hash) ?? [])].map((observer) => observer.current()).find(Boolean);
    if (descriptor) refetches.push(fetcher.start(descriptor));
  }
  await Promise.all(refetches);
}

/** Forgets every answer and aborts every fetch, telling every observer. */
export function clearQueries(store: QueryEntries): void {
  store.entries.forEach(stopFetch);
  store.entries.clear();
  store.observers.forEach((watching) => watching.forEach((observer) => observer.onChange()));
}
