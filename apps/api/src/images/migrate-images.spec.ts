import { Readable } from 'node:stream';
import {
  createFolderTestImageStore,
  createS3TestImageStore,
  useTestObjectServer,
  type TestImageStore,
} from '../testing/test-image-stores.js';
import { imageFileName, type ImageStore } from './image-store.js';
import { migrateImages, type MigrationProgress } from './migrate-images.js';

describe('migrateImages from a folder into a bucket', () => {
  const server = useTestObjectServer();
  let folder: TestImageStore;
  let bucket: TestImageStore;

  beforeEach(async () => {
    folder = await createFolderTestImageStore();
    bucket = await createS3TestImageStore(server());
  });
  afterEach(async () => {
    await folder.destroy();
    await bucket.destroy();
  });

  const saveImages = async (count: number) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const id = folder.store.newId();
      await folder.store.save(id, { full: Buffer.from(`full ${index}`), thumb: Buffer.from(`thumb ${index}`) });
      ids.push(id);
    }
    return ids;
  };

  it('copies every image, reporting progress after each, and leaves the folder as it was', async () => {
    const ids = await saveImages(5);
    const seen: MigrationProgress[] = [];
    const result = await migrateImages({
      from: folder.store,
      to: bucket.store,
      onProgress: (p) => seen.push({ ...p }),
    });
    expect(result).toEqual({ total: 5, copied: 5, present: 0, failed: 0, incomplete: 0, bytes: 65 });
    expect(seen.map((p) => p.copied)).toEqual([1, 2, 3, 4, 5]);
    expect(await bucket.files()).toEqual(await folder.files());
    expect(await folder.files()).toHaveLength(ids.length * 2);
  });

  it('resumes: what is already there with the same size and checksum is not copied again', async () => {
    await saveImages(4);
    await migrateImages({ from: folder.store, to: bucket.store, concurrency: 1 });
    expect(await migrateImages({ from: folder.store, to: bucket.store })).toMatchObject({ copied: 0, present: 4 });
  });

  it('copies again an object that differs from the original, and skips an image missing a variant', async () => {
    const [changed = ''] = await saveImages(2);
    await migrateImages({ from: folder.store, to: bucket.store });
    await bucket.plant(imageFileName(changed, 'full'), Buffer.from('full 9'));
    const leftover = folder.store.newId();
    await folder.plant(imageFileName(leftover, 'full'), Buffer.from('no thumbnail'));
    const result = await migrateImages({ from: folder.store, to: bucket.store });
    expect(result).toMatchObject({ total: 3, copied: 1, present: 1, incomplete: 1 });
    const copy = await bucket.store.open(changed, 'full');
    expect((await Readable.from(copy?.body ?? []).toArray()).join('')).toBe('full 0');
  });

  it('counts an image whose copy reads back wrong as failed, and removes that copy', async () => {
    const [id = ''] = await saveImages(1);
    const lying: ImageStore = {
      ...bucket.store,
      open: async (imageId, variant, range) => {
        const opened = await bucket.store.open(imageId, variant, range);
        return opened && { ...opened, body: Readable.from([Buffer.from('garbled')]) };
      },
    };
    const failures: string[] = [];
    const result = await migrateImages({ from: folder.store, to: lying, onFailure: (failed) => failures.push(failed) });
    expect([result.failed, failures, await bucket.files()]).toEqual([1, [id], []]);
  });
});
