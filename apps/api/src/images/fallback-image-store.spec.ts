import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import {
  createFolderTestImageStore,
  createS3TestImageStore,
  useTestObjectServer,
  type TestImageStore,
} from '../testing/test-image-stores.js';
import { withFallback } from './fallback-image-store.js';
import type { ImageStore } from './image-store.js';

describe('an image store reading a folder for images its bucket does not have yet', () => {
  const server = useTestObjectServer();
  let bucket: TestImageStore;
  let folder: TestImageStore;
  let store: ImageStore;

  beforeEach(async () => {
    bucket = await createS3TestImageStore(server());
    folder = await createFolderTestImageStore();
    store = withFallback(bucket.store, folder.store);
  });
  afterEach(async () => {
    await bucket.destroy();
    await folder.destroy();
  });

  const save = async (target: ImageStore, full: string) => {
    const id = target.newId();
    await target.save(id, { full: Buffer.from(full), thumb: Buffer.from('t') });
    return id;
  };

  it('reads the bucket first, then the folder', async () => {
    const moved = await save(bucket.store, 'in the bucket');
    const notYet = await save(folder.store, 'in the folder');
    const read = async (id: string) => text((await store.open(id, 'full'))?.body ?? Readable.from([]));
    expect([await read(moved), await read(notYet)]).toEqual(['in the bucket', 'in the folder']);
    expect((await store.stat(notYet, 'full'))?.size).toBe(13);
  });

  it('writes to the bucket only, and presigns only what the bucket has', async () => {
    const id = await save(store, 'new');
    const old = await save(folder.store, 'old');
    expect(await bucket.files()).toHaveLength(2);
    expect(await folder.files()).toHaveLength(2);
    expect(await store.presign(id, 'full', 60)).toMatch(/^http/);
    expect(await store.presign(old, 'full', 60)).toBeNull();
  });

  it('removes an image from both, so a deleted image cannot come back from the folder', async () => {
    const id = await save(folder.store, 'old');
    await bucket.store.save(id, { full: Buffer.from('old'), thumb: Buffer.from('t') });
    await store.remove(id);
    expect([await bucket.files(), await folder.files()]).toEqual([[], []]);
  });
});
