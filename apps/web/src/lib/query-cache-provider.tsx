import { createContext, use, type ReactNode } from 'react';
import type { QueryCache } from './query-cache.js';

const QueryCacheContext = createContext<QueryCache | null>(null);

/** Props of {@link QueryCacheProvider}. */
export type QueryCacheProviderProps = { cache: QueryCache; children: ReactNode };

/** Shares one {@link QueryCache} with every `useQuery` and `useMutation` below it. */
export function QueryCacheProvider({ cache, children }: QueryCacheProviderProps) {
  return <QueryCacheContext value={cache}>{children}</QueryCacheContext>;
}

/** The cache of the nearest {@link QueryCacheProvider}. */
export function useQueryCache(): QueryCache {
  const cache = use(QueryCacheContext);
  if (!cache) throw new Error('invariant: useQueryCache needs a QueryCacheProvider above it');
  return cache;
}
