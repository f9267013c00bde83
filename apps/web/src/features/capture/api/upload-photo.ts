import type { PhotoCode } from '@pave/domain';
import { useCaptureClient } from '../../../lib/clients.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useRefreshCaptureState } from './capture-state.js';

/** What {@link useUploadPhoto} sends. */
export type UploadInput = { photoCode: PhotoCode; file: File };

/** `POST /v1/capture/:key/photos/:code`: answers with the attempt and its QA verdict, then refreshes the state. */
export function useUploadPhoto(sessionKey: string) {
  const client = useCaptureClient();
  const refresh = useRefreshCaptureState(sessionKey);
  return useMutation({
    mutationFn: ({ photoCode, file }: UploadInput) => client.upload(sessionKey, photoCode, file),
    ...refresh,
  });
}
