import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaptureClient } from '@pave/client';
import { useCaptureClient } from '../../../lib/clients.js';

/** `GET /v1/capture/:key`: the steps, status and whether photos are accepted now. */
export function captureStateQuery(client: CaptureClient, sessionKey: string) {
  return queryOptions({
    queryKey: ['capture', sessionKey] as const,
    queryFn: ({ signal }) => client.get(sessionKey, { signal }),
  });
}

/** The capture state; `enabled` waits for the start call so the first answer already says STARTED. */
export function useCaptureState(sessionKey: string, enabled: boolean) {
  return useQuery({ ...captureStateQuery(useCaptureClient(), sessionKey), enabled });
}

/**
 * Mutation callbacks that refresh the capture state: awaited after a success (so the next screen reads fresh
 * state), fire-and-forget after a failure (a 409 may mean the session expired meanwhile; the error shows at once).
 */
export function useRefreshCaptureState(sessionKey: string) {
  const queryKey = captureStateQuery(useCaptureClient(), sessionKey).queryKey;
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  return { onSuccess: refresh, onError: () => void refresh() };
}
