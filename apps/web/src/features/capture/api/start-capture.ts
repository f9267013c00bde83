import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { captureStateQuery, useCaptureChangeClient } from './capture-state.js';

/**
 * `POST /v1/capture/:key/start`: the driver's explicit start on the intro screen (opening the link does not start the
 * session, so a preview leaves it deletable); its answer seeds the state.
 */
export function useStartCapture(sessionKey: string) {
  const client = useCaptureChangeClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: () => client.start(),
    onSuccess: (state) => cache.setData(captureStateQuery(client, sessionKey).key, state),
  });
}
