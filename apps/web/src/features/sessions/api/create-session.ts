import type { CreateSessionInput } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { sessionsListKey } from './sessions-list.js';

/** `POST /v1/sessions` with PAVE's nested body (defaults for what it leaves out); refreshes every sessions list. */
export function useCreateSession() {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (body: CreateSessionInput) => client.sessions.create(body),
    onSuccess: () => cache.invalidate(sessionsListKey),
  });
}
