import type { PhotoCode } from '@pave/domain';
import { shrinkPhoto } from '../utils/shrink-photo.js';
import { useCaptureMutation } from './capture-state.js';

/** What {@link useUploadPhoto} sends. */
export type UploadInput = { photoCode: PhotoCode; file: File };

/**
 * `POST /v1/capture/:key/photos/:code` with the photo scaled down to what the server keeps (shrink-photo.ts):
 * answers with the attempt and its QA verdict, then refreshes the state.
 */
export function useUploadPhoto(sessionKey: string) {
  return useCaptureMutation(sessionKey, async (client, { photoCode, file }: UploadInput) =>
    client.upload(photoCode, await shrinkPhoto(file)),
  );
}
