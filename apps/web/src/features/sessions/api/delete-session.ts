import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { sessionsListKey } from './sessions-list.js';

/**
 * `DELETE /v1/sessions/:key` (an `IDLE` session only); refreshes every sessions list afterwards, after a refusal
 * too (the driver started the session meanwhile: its row then shows it, without a delete).
 */
export function useDeleteSession() {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (sessionKey: string) => client.sessions.delete(sessionKey),
    onSuccess: () => cache.invalidate(sessionsListKey),
    onError: () => void cache.invalidate(sessionsListKey),
  });
}
