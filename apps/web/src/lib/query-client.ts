import { QueryClient } from '@tanstack/react-query';

/**
 * The app's query client. No retries here: @pave/client already retries what is safe to retry (GETs on
 * network errors, timeouts and 5xx, with backoff), and retrying on top would multiply the attempts.
 * No refetch on window focus either: live pages poll on their own.
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 1_000 },
      mutations: { retry: false },
    },
  });
}
