import type { UpdateSessionInput } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';

/** `PUT /v1/sessions/:key`; refreshes the session (and its progress) afterwards. */
export function useUpdateSession(sessionKey: string) {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (body: UpdateSessionInput) => client.sessions.update(sessionKey, body),
    onSuccess: () => cache.invalidate(['session', sessionKey]),
  });
}
