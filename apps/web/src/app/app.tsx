import { ClientsProvider, type ClientFactories } from '../lib/clients.js';
import type { QueryCache } from '../lib/query-cache.js';
import { QueryCacheProvider } from '../lib/query-cache-provider.js';
import { AppRouter } from './app-router.js';
import './app.css';

/** Props of {@link App}. */
export type AppProps = { factories: ClientFactories; queryCache: QueryCache };

/** The whole app: query cache, API clients and sign-in state, router. */
export function App({ factories, queryCache }: AppProps) {
  return (
    <QueryCacheProvider cache={queryCache}>
      <ClientsProvider factories={factories}>
        <AppRouter />
      </ClientsProvider>
    </QueryCacheProvider>
  );
}
