import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { imageFileName, isImageId, type ImageStore } from '../images/image-store.js';
import type { TestImageStore, TestImageStoreKind } from './test-image-stores.js';

async function bytesOf(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const none = async (): Promise<ReadonlySet<string>> => new Set<string>();

/**
 * The behaviour every ImageStore shares (the folder and a bucket): each test gets an empty store whose sweep reads
 * a clock the test moves by hand (`clock`, ms since the epoch, starting now).
 */
export function describeImageStoreSpec(kind: TestImageStoreKind): void {
  let testStore: TestImageStore;
  let store: ImageStore;
  let clock: number;

  beforeEach(async () => {
    clock = Date.now();
    testStore = await kind.create({ now: () => clock, pageSize: 2 });
    store = testStore.store;
  });
  afterEach(() => testStore.destroy());

  const saveImage = async (full = 'full bytes', thumb = 'thumb') => {
    const id = store.newId();
    await store.save(id, { full: Buffer.from(full), thumb: Buffer.from(thumb) });
    return id;
  };
  const namesOf = (id: string) => [imageFileName(id, 'full'), imageFileName(id, 'thumb')].sort();

  it('answers a ping while it can be written', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('makes unguessable, distinct ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => store.newId()));
    expect(ids.size).toBe(1000);
    expect([...ids].every(isImageId)).toBe(true);
  });

  it('saves both variants and holds nothing else afterwards', async () => {
    const id = await saveImage('the full image', 'thumb');
    expect(await testStore.files()).toEqual(namesOf(id));
    const full = await store.open(id, 'full');
    expect([full?.size, full?.range, await bytesOf(full?.body ?? Readable.from([]))]).toEqual([
      14,
      null,
      'the full image',
    ]);
    const thumb = await store.stat(id, 'thumb');
    expect(thumb?.size).toBe(5);
    expect([null, createHash('sha256').update('thumb').digest('hex')]).toContain(thumb?.sha256);
  });

  it('reads a byte range, and the same validator as stat', async () => {
    const id = await saveImage('0123456789');
    const opened = await store.open(id, 'full', { start: 2, end: 5 });
    expect([opened?.size, opened?.range, await bytesOf(opened?.body ?? Readable.from([]))]).toEqual([
      10,
      { start: 2, end: 5 },
      '2345',
    ]);
    expect(opened?.etag).toBe((await store.stat(id, 'full'))?.etag);
  });

  it.each(['../../etc/passwd', '0'.repeat(31), `${'a'.repeat(32)}/..`, 'A'.repeat(32), ''])(
    'finds nothing for the id %p',
    async (id) => {
      expect([await store.stat(id, 'full'), await store.open(id, 'full')]).toEqual([null, null]);
    },
  );

  it('finds nothing for an id it never saved', async () => {
    const id = store.newId();
    expect([await store.stat(id, 'thumb'), await store.open(id, 'full')]).toEqual([null, null]);
  });

  it('removes both variants, and removing again is fine', async () => {
    const kept = await saveImage();
    const gone = await saveImage();
    await store.remove(gone);
    await store.remove(gone);
    expect(await store.open(gone, 'full')).toBeNull();
    expect(await testStore.files()).toEqual(namesOf(kept));
  });

  it('lists in name order, a page at a time, and resumes after a name', async () => {
    const ids = [await saveImage(), await saveImage(), await saveImage()];
    const all = ids.flatMap(namesOf).sort();
    const pages: string[][] = [];
    for await (const page of store.list()) pages.push(page.map((file) => file.name));
    expect(pages.flat()).toEqual(all);
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    const rest: string[] = [];
    for await (const page of store.list({ after: all[2] ?? '' })) rest.push(...page.map((file) => file.name));
    expect(rest).toEqual(all.slice(3));
  });

  it('sweeps the images no row points to, asking about each page once, and keeps the referenced ones', async () => {
    const kept = await saveImage();
    const orphan = await saveImage();
    clock += 5000;
    const asked: string[] = [];
    const report = await store.sweep(async (ids) => {
      asked.push(...ids);
      return new Set(ids.filter((id) => id === kept));
    }, 0);
    expect(report).toEqual({ removedImages: 2, removedTemporary: 0, kept: 2 });
    expect(asked.sort()).toEqual([kept, orphan].sort());
    expect(await testStore.files()).toEqual(namesOf(kept));
  });

  it('leaves images younger than the grace period alone, and sweeps them once it is over', async () => {
    const orphan = await saveImage();
    expect(await store.sweep(none, 60_000)).toEqual({ removedImages: 0, removedTemporary: 0, kept: 2 });
    clock += 62_000;
    expect(await store.sweep(none, 60_000)).toEqual({ removedImages: 2, removedTemporary: 0, kept: 0 });
    expect(await store.stat(orphan, 'full')).toBeNull();
  });

  it('resumes a sweep after the last name of a page it reported', async () => {
    const ids = [await saveImage(), await saveImage(), await saveImage()].sort();
    clock += 5000;
    const marks: string[] = [];
    await store.sweep(async (page) => new Set(page), 0, { onPage: (last) => marks.push(last) });
    expect(marks).toEqual([namesOf(ids[0] ?? '')[1], namesOf(ids[1] ?? '')[1], namesOf(ids[2] ?? '')[1]]);
    const resumed = await store.sweep(none, 0, { after: marks[1] ?? '' });
    expect(resumed).toEqual({ removedImages: 2, removedTemporary: 0, kept: 0 });
    expect(await testStore.files()).toEqual([...namesOf(ids[0] ?? ''), ...namesOf(ids[1] ?? '')].sort());
  });
}
