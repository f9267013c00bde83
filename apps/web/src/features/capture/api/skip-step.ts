import type { PhotoCode } from '@pave/domain';
import { useCaptureClient } from '../../../lib/clients.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useRefreshCaptureState } from './capture-state.js';

/** `POST /v1/capture/:key/skip`: skips an exterior view where the rules allow it (`may_skip`). */
export function useSkipStep(sessionKey: string) {
  const client = useCaptureClient();
  const refresh = useRefreshCaptureState(sessionKey);
  return useMutation({
    mutationFn: (photoCode: PhotoCode) => client.skip(sessionKey, photoCode),
    ...refresh,
  });
}
