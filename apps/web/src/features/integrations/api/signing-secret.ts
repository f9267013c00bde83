import { useCallbacksApi } from './callbacks-client.js';
import { useMutation } from '../../../lib/use-mutation.js';

/**
 * The account's signing secret, read only when the admin asks (`GET /v1/callbacks/signing-secret`) or rotated
 * (`POST …/rotate`): never cached, so it is on screen only after a deliberate click, and gone with the page.
 */
export function useSigningSecret() {
  const client = useCallbacksApi();
  return useMutation({
    mutationFn: (action: 'reveal' | 'rotate') =>
      action === 'reveal' ? client.callbacks.signingSecret() : client.callbacks.rotateSigningSecret(),
  });
}
