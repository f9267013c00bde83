import type { Config } from '../config.js';
import { withFallback } from './fallback-image-store.js';
import { createFolderImageStore } from './folder-image-store.js';
import type { ImageStore } from './image-store.js';
import { createS3ImageStore } from './s3-image-store.js';

/**
 * Opens the configured image store: `<dataDir>/images`, or the bucket of `PAVE_IMAGE_STORE` (reading the folder
 * for images missing there when `PAVE_IMAGE_STORE_FALLBACK=folder`). Fails when the bucket cannot be reached.
 */
export async function openImageStore(
  config: Pick<Config, 'dataDir' | 'imageStore' | 'imageFallback'>,
): Promise<ImageStore> {
  if (config.imageStore.kind === 'folder') return createFolderImageStore(config.dataDir);
  const bucket = await createS3ImageStore(config.imageStore.s3);
  return config.imageFallback === 'folder'
    ? withFallback(bucket, await createFolderImageStore(config.dataDir))
    : bucket;
}
