import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCaptureClient } from '../../../lib/clients.js';
import { captureStateQuery } from './capture-state.js';

/** `POST /v1/capture/:key/start`: tells the server the driver opened the link; its answer seeds the state. */
export function useStartCapture(sessionKey: string) {
  const client = useCaptureClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.start(sessionKey),
    onSuccess: (state) => queryClient.setQueryData(captureStateQuery(client, sessionKey).queryKey, state),
  });
}
