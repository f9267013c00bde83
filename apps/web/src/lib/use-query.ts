import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { QueryDescriptor, QueryKey, QueryState } from './query-cache.js';
import { hashKey } from './query-entries.js';
import { useQueryCache } from './query-cache-provider.js';

/** Options of {@link useQuery}. */
export type QueryOptions<T> = {
  /** False: read the cache but do not fetch (default true). */
  enabled?: boolean;
  /** Refetch every so many ms while mounted and enabled; a function decides from the state (false: stop). */
  refetchInterval?: number | false | ((state: QueryState<T>) => number | false);
};

/** What {@link useQuery} returns: the cached state and a way to fetch again (e.g. a "Try again" button). */
export type QueryResult<T> = QueryState<T> & { refetch: () => Promise<void> };

/**
 * Reads a query from the shared cache and keeps it loaded: fetches on mount when stale, polls on
 * `refetchInterval`, aborts when the last reader unmounts or the key changes. Refetches keep the shown data
 * (no loading flash); an unchanged answer keeps its object identity.
 */
export function useQuery<T>(descriptor: QueryDescriptor<T>, options: QueryOptions<T> = {}): QueryResult<T> {
  const { enabled = true, refetchInterval = false } = options;
  const cache = useQueryCache();
  const hash = hashKey(descriptor.key);
  // a key that keeps its identity while its value does, so the subscription survives re-renders
  const key = useMemo(() => JSON.parse(hash) as QueryKey, [hash]);
  const latest = useRef({ descriptor, enabled });
  useLayoutEffect(() => {
    latest.current = { descriptor, enabled };
  });
  const subscribe = useCallback(
    (onChange: () => void) =>
      cache.observe(key, onChange, () => (latest.current.enabled ? latest.current.descriptor : null)),
    [cache, key],
  );
  const read = () => cache.read<T>(key);
  const state = useSyncExternalStore(subscribe, read, read);
  useEffect(() => {
    if (enabled) void cache.fetchIfStale(latest.current.descriptor);
  }, [cache, key, enabled]);
  const interval = typeof refetchInterval === 'function' ? refetchInterval(state) : refetchInterval;
  useEffect(() => {
    if (!enabled || interval === false) return;
    const timer = setInterval(() => void cache.fetch(latest.current.descriptor), interval);
    return () => clearInterval(timer);
  }, [cache, key, enabled, interval]);
  const refetch = useCallback(() => cache.fetch(latest.current.descriptor), [cache]);
  return { ...state, refetch };
}
