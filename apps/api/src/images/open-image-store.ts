import type { Config } from '../config.js';
import { withFallback } from './fallback-image-store.js';
import { createFolderImageStore } from './folder-image-store.js';
import type { ImageStore } from './image-store.js';

/**
 * Opens the configured image store: `<dataDir>/images`, or the bucket of `PAVE_IMAGE_STORE` (reading the folder
 * for images missing there when `PAVE_IMAGE_STORE_FALLBACK=folder`). Fails when the bucket cannot be reached.
 */
export async function openImageStore(
  config: Pick<Config, 'dataDir' | 'imageStore' | 'imageFallback'>,
): Promise<ImageStore> {
  if (config.imageStore.kind === 'folder') return createFolderImageStore(config.dataDir);
  // Loaded only for a bucket: the AWS SDK is ~5 MB of heap (25 MB of RSS) that a folder store never uses. The build
  // splits it into its own chunk (esbuild `splitting`), so its imports are not hoisted into main.js.
  const { createS3ImageStore } = await import('./s3-image-store.js');
  const bucket = await createS3ImageStore(config.imageStore.s3);
  return config.imageFallback === 'folder'
    ? withFallback(bucket, await createFolderImageStore(config.dataDir))
    : bucket;
}
