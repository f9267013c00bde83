import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { sessionsListKey } from './sessions-list.js';

/** `POST /v1/sessions` with defaults; refreshes every sessions list afterwards. */
export function useCreateSession() {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: () => client.sessions.create(),
    onSuccess: () => cache.invalidate(sessionsListKey),
  });
}
