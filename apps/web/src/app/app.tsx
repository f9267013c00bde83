import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ClientsProvider, type ClientFactories } from '../lib/clients.js';
import { AppRouter } from './app-router.js';
import './app.css';

/** Props of {@link App}. */
export type AppProps = { factories: ClientFactories; queryClient: QueryClient };

/** The whole app: query cache, API clients and sign-in state, router. */
export function App({ factories, queryClient }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ClientsProvider factories={factories}>
        <AppRouter />
      </ClientsProvider>
    </QueryClientProvider>
  );
}
