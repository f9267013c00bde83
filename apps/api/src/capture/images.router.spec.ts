import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFallback } from '../images/fallback-image-store.js';
import { createFolderImageStore } from '../images/folder-image-store.js';
import type { ImageStore } from '../images/image-store.js';
import type { Repository } from '../storage/repository.js';
import {
  createFolderTestImageStore,
  createS3TestImageStore,
  describeEachImageStore,
  useTestObjectServer,
  type TestImageStore,
} from '../testing/test-image-stores.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';

// GET /images/… on each store: streamed with validators and ranges, or (buckets) redirected to a presigned URL.

const full = Buffer.from(Array.from({ length: 5000 }, (_, index) => index % 251));

async function saveImage(store: ImageStore): Promise<string> {
  const id = store.newId();
  await store.save(id, { full, thumb: full.subarray(0, 100) });
  return id;
}

describeEachImageStore('GET /images/<id>.jpg', (kind) => {
  let storage: TestStorage;
  let repo: Repository;
  let images: TestImageStore;
  let server: TestServer;

  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    images = await kind.create();
    server = await startTestServer(repo, { images: images.store });
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
    await images.destroy();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${path}`, { headers, redirect: 'manual' });

  it('streams the image whole, with its length, validators and the year-long cache headers', async () => {
    const id = await saveImage(images.store);
    const response = await get(`/images/${id}.jpg`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(full);
    expect(
      Object.fromEntries(
        ['content-type', 'content-length', 'cache-control', 'x-content-type-options', 'accept-ranges'].map((name) => [
          name,
          response.headers.get(name),
        ]),
      ),
    ).toEqual({
      'content-type': 'image/jpeg',
      'content-length': '5000',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
    });
    expect(response.headers.get('etag')).toMatch(/^(W\/)?".+"$/);
    expect(Date.parse(response.headers.get('last-modified') ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers 304 to a request that already has the image', async () => {
    const id = await saveImage(images.store);
    const etag = (await get(`/images/${id}.thumb.jpg`)).headers.get('etag') ?? '';
    // fetch adds `Cache-Control: no-cache` to a conditional request unless it has a Cache-Control of its own
    const again = await get(`/images/${id}.thumb.jpg`, { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' });
    expect([again.status, (await again.arrayBuffer()).byteLength]).toEqual([304, 0]);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['bytes=10-19', 10, 19],
    ['bytes=4990-', 4990, 4999],
    ['bytes=-5', 4995, 4999],
    ['bytes=4995-9999', 4995, 4999],
  ])('answers Range %s with 206 and just those bytes', async (range, start, end) => {
    const id = await saveImage(images.store);
    const response = await get(`/images/${id}.jpg`, { Range: range });
    expect([response.status, response.headers.get('content-range')]).toEqual([206, `bytes ${start}-${end}/5000`]);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(full.subarray(start, end + 1));
  });

  it('answers an unsatisfiable range with 416 and the size', async () => {
    const id = await saveImage(images.store);
    const response = await get(`/images/${id}.jpg`, { Range: 'bytes=6000-7000' });
    expect([response.status, response.headers.get('content-range'), await response.json()]).toEqual([
      416,
      'bytes */5000',
      { message: 'The requested range is not satisfiable.' },
    ]);
  });

  it.each([
    ['several ranges', { Range: 'bytes=0-1,10-11' }],
    ['a stale If-Range', { Range: 'bytes=0-1', 'If-Range': '"not-this-one"' }],
    ['a malformed Range', { Range: 'pages=1-2' }],
  ])('sends the whole image for %s', async (_case, headers) => {
    const id = await saveImage(images.store);
    const response = await get(`/images/${id}.jpg`, headers);
    expect([response.status, (await response.arrayBuffer()).byteLength]).toEqual([200, 5000]);
  });

  it('answers HEAD with the headers of the image and no body', async () => {
    const id = await saveImage(images.store);
    const response = await fetch(`${server.baseUrl}/images/${id}.jpg`, { method: 'HEAD' });
    expect([response.status, response.headers.get('content-length'), response.headers.get('etag')]).toEqual([
      200,
      '5000',
      expect.any(String),
    ]);
  });

  it.each([{}, { Range: 'bytes=0-1' }, { 'If-None-Match': '"x"' }])(
    'answers an image it does not have with a JSON 404 that no cache keeps (%p)',
    async (headers) => {
      const response = await get(`/images/${images.store.newId()}.jpg`, headers);
      expect([response.status, await response.json(), response.headers.get('cache-control')]).toEqual([
        404,
        { message: 'No such image.' },
        null,
      ]);
    },
  );
});

describe('GET /images/<id>.jpg from a folder inside a dot folder (~/.pave/data)', () => {
  it('serves the image all the same', async () => {
    const storage = createSqliteTestStorage();
    const repo = await storage.open();
    const dotDir = mkdtempSync(join(tmpdir(), '.pave-dot-'));
    const images = await createFolderImageStore(dotDir);
    const server = await startTestServer(repo, { images });
    try {
      const id = await saveImage(images);
      expect((await fetch(`${server.baseUrl}/images/${id}.jpg`)).status).toBe(200);
    } finally {
      await server.close();
      await repo.close();
      await storage.destroy();
      rmSync(dotDir, { recursive: true, force: true });
    }
  });
});

describe('GET /images/<id>.jpg with PAVE_IMAGE_REDIRECT=presigned', () => {
  const objectServer = useTestObjectServer();
  let storage: TestStorage;
  let repo: Repository;
  let bucket: TestImageStore;
  let folder: TestImageStore;
  let server: TestServer;

  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    bucket = await createS3TestImageStore(objectServer());
    folder = await createFolderTestImageStore();
    const images = withFallback(bucket.store, folder.store);
    server = await startTestServer(repo, { images, imageRedirect: 'presigned' });
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
    await bucket.destroy();
    await folder.destroy();
  });

  it('redirects to a short-lived URL on the object server, which serves the image', async () => {
    const id = await saveImage(bucket.store);
    const response = await fetch(`${server.baseUrl}/images/${id}.thumb.jpg`, { redirect: 'manual' });
    expect([response.status, response.headers.get('cache-control')]).toEqual([302, 'private, max-age=240']);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(objectServer().endpoint)).toBe(true);
    expect(Buffer.from(await (await fetch(location)).arrayBuffer())).toEqual(full.subarray(0, 100));
  });

  it('streams an image still only in the old folder, since it has no URL yet', async () => {
    const id = await saveImage(folder.store);
    const response = await fetch(`${server.baseUrl}/images/${id}.jpg`, { redirect: 'manual' });
    expect([response.status, (await response.arrayBuffer()).byteLength]).toEqual([200, 5000]);
  });

  it('answers an unknown image with its own JSON 404, not a redirect', async () => {
    const response = await fetch(`${server.baseUrl}/images/${bucket.store.newId()}.jpg`, { redirect: 'manual' });
    expect([response.status, await response.json()]).toEqual([404, { message: 'No such image.' }]);
  });
});
