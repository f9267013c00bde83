import type { PhotoCode } from '@pave/domain';
import { useCaptureMutation } from './capture-state.js';

/** `POST /v1/capture/:key/skip`: skips an exterior view where the rules allow it (`may_skip`). */
export function useSkipStep(sessionKey: string) {
  return useCaptureMutation(sessionKey, (client, photoCode: PhotoCode) => client.skip(photoCode));
}
