import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { imageFileName } from './image-store.js';
import { createFolderTestImageStore, type TestImageStore } from '../testing/test-image-stores.js';

// What only the folder store does: files on disk, written through temporary names that its sweep cleans up.
describe('folder image store', () => {
  let testStore: TestImageStore;
  let clock: number;

  beforeEach(async () => {
    clock = Date.now();
    testStore = await createFolderTestImageStore({ now: () => clock });
  });
  afterEach(() => testStore.destroy());

  const dataDir = () => testStore.env['PAVE_DATA_DIR'] ?? '';

  it('keeps each variant as a file under images/<ab>/, with no temporary file left', async () => {
    const id = testStore.store.newId();
    await testStore.store.save(id, { full: Buffer.from('full'), thumb: Buffer.from('thumb') });
    const folder = join(dataDir(), 'images', id.slice(0, 2));
    expect((await readdir(folder)).sort()).toEqual([`${id}.jpg`, `${id}.thumb.jpg`]);
    expect(await readFile(join(dataDir(), 'images', imageFileName(id, 'thumb')), 'utf8')).toBe('thumb');
  });

  it('sweeps half-written temporary files once they are older than the grace period', async () => {
    const id = testStore.store.newId();
    await testStore.plant(`${imageFileName(id, 'full')}.tmp-abc123`, Buffer.from('partial'));
    expect((await testStore.store.sweep(async () => new Set(), 60_000)).removedTemporary).toBe(0);
    clock += 61_000;
    expect(await testStore.store.sweep(async () => new Set(), 60_000)).toEqual({
      removedImages: 0,
      removedTemporary: 1,
      kept: 0,
    });
    expect(await testStore.files()).toEqual([]);
  });

  it('fails its ping once its folder is gone (a volume unmounted under it)', async () => {
    await rm(join(dataDir(), 'images'), { recursive: true });
    await expect(testStore.store.ping()).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('has no presigned URLs', async () => {
    const id = testStore.store.newId();
    await testStore.store.save(id, { full: Buffer.from('a'), thumb: Buffer.from('b') });
    expect(await testStore.store.presign(id, 'full', 60)).toBeNull();
  });
});
