import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImageStore, isImageId, type ImageStore } from './image-store.js';

describe('image store', () => {
  let dir: string;
  let store: ImageStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pave-images-'));
    store = await createImageStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes unguessable, distinct ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => store.newId()));
    expect(ids.size).toBe(1000);
    expect([...ids].every(isImageId)).toBe(true);
  });

  it('saves both variants and leaves no temporary file behind', async () => {
    const id = store.newId();
    await store.save(id, { full: Buffer.from('full'), thumb: Buffer.from('thumb') });
    expect(await readFile(store.pathOf(id, 'full') ?? '', 'utf8')).toBe('full');
    expect(await readFile(store.pathOf(id, 'thumb') ?? '', 'utf8')).toBe('thumb');
    expect((await readdir(join(dir, 'images', id.slice(0, 2)))).sort()).toEqual([`${id}.jpg`, `${id}.thumb.jpg`]);
  });

  it.each(['../../etc/passwd', '0'.repeat(31), `${'a'.repeat(32)}/..`, 'A'.repeat(32), ''])(
    'has no path for %p',
    (id) => {
      expect(store.pathOf(id, 'full')).toBeNull();
    },
  );

  it('removes an image', async () => {
    const id = store.newId();
    await store.save(id, { full: Buffer.from('a'), thumb: Buffer.from('b') });
    await store.remove(id);
    await expect(readFile(store.pathOf(id, 'full') ?? '')).rejects.toThrow(/ENOENT/);
  });

  it('sweeps images no row points to and temporary files, keeping referenced ones', async () => {
    const kept = store.newId();
    const orphan = store.newId();
    await store.save(kept, { full: Buffer.from('a'), thumb: Buffer.from('b') });
    await store.save(orphan, { full: Buffer.from('c'), thumb: Buffer.from('d') });
    const temp = `${store.pathOf(kept, 'full')}.tmp-abc123`;
    await writeFile(temp, 'partial');
    const asked: string[][] = [];
    const report = await store.sweep(async (ids) => {
      asked.push([...ids]);
      return new Set(ids.filter((id) => id === kept));
    }, 0);
    expect(report).toEqual({ removedImages: 2, removedTemporary: 1, kept: 2 });
    expect(asked[0]?.sort()).toEqual([kept, orphan].sort());
    expect(await readFile(store.pathOf(kept, 'full') ?? '', 'utf8')).toBe('a');
    await expect(readFile(store.pathOf(orphan, 'thumb') ?? '')).rejects.toThrow(/ENOENT/);
  });

  it('leaves files younger than the grace period alone', async () => {
    const orphan = store.newId();
    await store.save(orphan, { full: Buffer.from('c'), thumb: Buffer.from('d') });
    const report = await store.sweep(async () => new Set(), 60_000);
    expect(report).toEqual({ removedImages: 0, removedTemporary: 0, kept: 2 });
  });
});
