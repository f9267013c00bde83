import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCaptureClient } from '../../../lib/clients.js';
import { captureStateQuery, useRefreshCaptureState } from './capture-state.js';

/** `POST /v1/capture/:key/confirm`: the driver submits a complete capture (QC_PASSED → COMPLETE). */
export function useConfirmCapture(sessionKey: string) {
  const client = useCaptureClient();
  const queryClient = useQueryClient();
  const { onError } = useRefreshCaptureState(sessionKey);
  return useMutation({
    mutationFn: () => client.confirm(sessionKey),
    onSuccess: (state) => queryClient.setQueryData(captureStateQuery(client, sessionKey).queryKey, state),
    onError,
  });
}
