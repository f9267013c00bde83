import { useCaptureClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { captureStateQuery } from './capture-state.js';

/** `POST /v1/capture/:key/start`: tells the server the driver opened the link; its answer seeds the state. */
export function useStartCapture(sessionKey: string) {
  const client = useCaptureClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: () => client.start(),
    onSuccess: (state) => cache.setData(captureStateQuery(client, sessionKey).key, state),
  });
}
