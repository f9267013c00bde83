import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { captureStateQuery, useCaptureChangeClient, useRefreshCaptureState } from './capture-state.js';

/** `POST /v1/capture/:key/confirm`: the driver submits a complete capture (QC_PASSED → COMPLETE). */
export function useConfirmCapture(sessionKey: string) {
  const client = useCaptureChangeClient();
  const cache = useQueryCache();
  const { onError } = useRefreshCaptureState(sessionKey);
  return useMutation({
    mutationFn: () => client.confirm(),
    onSuccess: (state) => cache.setData(captureStateQuery(client, sessionKey).key, state),
    onError,
  });
}
