import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { createSemaphore } from '../capture/semaphore.js';
import { parseImageFileName, type ImageStore, type ImageVariant } from './image-store.js';

/** How a migration is going; `total` is the number of images found when it started. */
export type MigrationProgress = {
  total: number;
  /** Images copied and verified in this run. */
  copied: number;
  /** Images already in the target with the same size and checksum (an earlier run's). */
  present: number;
  /** Images whose copy could not be verified (removed again from the target) or not read. */
  failed: number;
  /** Images with only one of their two variants in the source (a crash's leftovers): not copied. */
  incomplete: number;
  /** Bytes written to the target in this run. */
  bytes: number;
};

/** What {@link migrateImages} copies, how many at once, and whom it tells. */
export type MigrationOptions = {
  readonly from: ImageStore;
  readonly to: ImageStore;
  /** Images copied at once (8 when missing). */
  readonly concurrency?: number;
  /** Called after each image. */
  readonly onProgress?: (progress: Readonly<MigrationProgress>) => void;
  /** Told about each failure, with the image id (never a credential). */
  readonly onFailure?: (id: string, error: unknown) => void;
};

const variants: readonly ImageVariant[] = ['full', 'thumb'];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readVariant(store: ImageStore, id: string, variant: ImageVariant): Promise<Buffer | null> {
  const opened = await store.open(id, variant);
  return opened ? buffer(opened.body) : null;
}

/** The SHA-256 of a stored variant: the one the store keeps when it does, else the bytes', read back. */
async function checksumOf(store: ImageStore, id: string, variant: ImageVariant): Promise<string | null> {
  const info = await store.stat(id, variant);
  if (!info) return null;
  if (info.sha256) return info.sha256;
  const bytes = await readVariant(store, id, variant);
  return bytes ? sha256(bytes) : null;
}

/** Reads the target's copy back whole: the same size and SHA-256 as the source's, or the copy failed. */
async function verified(to: ImageStore, id: string, files: Record<ImageVariant, Buffer>): Promise<boolean> {
  for (const variant of variants) {
    const copy = await readVariant(to, id, variant);
    if (!copy || copy.length !== files[variant].length || sha256(copy) !== sha256(files[variant])) return false;
  }
  return true;
}

async function isPresent(to: ImageStore, id: string, files: Record<ImageVariant, Buffer>): Promise<boolean> {
  for (const variant of variants) {
    const info = await to.stat(id, variant);
    if (info?.size !== files[variant].length) return false;
    if ((await checksumOf(to, id, variant)) !== sha256(files[variant])) return false;
  }
  return true;
}

type Outcome = 'copied' | 'present' | 'failed' | 'incomplete';

async function migrateOne(options: MigrationOptions, id: string, progress: MigrationProgress): Promise<Outcome> {
  const [full, thumb] = await Promise.all(variants.map((variant) => readVariant(options.from, id, variant)));
  if (!full || !thumb) return 'incomplete';
  const files = { full, thumb };
  if (await isPresent(options.to, id, files)) return 'present';
  await options.to.save(id, files);
  if (!(await verified(options.to, id, files))) {
    await options.to.remove(id);
    throw new Error('the copy read back differs from the original');
  }
  progress.bytes += full.length + thumb.length;
  return 'copied';
}

/** The image ids of a store, in name order, each once, a page at a time. */
async function* idPages(store: ImageStore): AsyncGenerator<string[]> {
  let last = '';
  for await (const page of store.list()) {
    const ids: string[] = [];
    for (const file of page) {
      const id = parseImageFileName(file.name)?.id;
      if (!id || id === last) continue;
      ids.push(id);
      last = id;
    }
    yield ids;
  }
}

/**
 * Copies every image of `from` into `to` (a folder into a bucket, typically) and checks each copy by reading it
 * back. Resumable: an image already in `to` with the same size and SHA-256 is not copied again. `from` is never
 * changed. Resolves with the counts once every image was tried; a failed image does not stop the others.
 */
export async function migrateImages(options: MigrationOptions): Promise<MigrationProgress> {
  const progress: MigrationProgress = { total: 0, copied: 0, present: 0, failed: 0, incomplete: 0, bytes: 0 };
  for await (const ids of idPages(options.from)) progress.total += ids.length;
  const slots = createSemaphore(options.concurrency ?? 8);
  for await (const ids of idPages(options.from)) {
    await Promise.all(
      ids.map((id) =>
        slots.run(async () => {
          const outcome = await migrateOne(options, id, progress).catch((error: unknown) => {
            options.onFailure?.(id, error);
            return 'failed' as const;
          });
          progress[outcome] += 1;
          options.onProgress?.(progress);
        }),
      ),
    );
  }
  return progress;
}
