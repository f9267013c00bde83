import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useReviewClient } from '../../../lib/clients.js';
import { sessionsListKey } from './sessions-list.js';

/** `POST /v1/sessions` with defaults; refreshes every sessions list afterwards. */
export function useCreateSession() {
  const client = useReviewClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.sessions.create(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsListKey }),
  });
}
