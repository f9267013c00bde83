import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';

/** `POST /v1/sessions/:key/invalidate` with a reason; refreshes the session (and its progress) afterwards. */
export function useInvalidateSession(sessionKey: string) {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (reason: string) => client.sessions.invalidate(sessionKey, reason),
    onSuccess: () => cache.invalidate(['session', sessionKey]),
  });
}
