import { createHash } from 'node:crypto';
import { createS3TestImageStore, useTestObjectServer, type TestImageStore } from '../testing/test-image-stores.js';
import { s3rverCredentials } from '../testing/test-object-server.js';
import { createS3ImageStore } from './s3-image-store.js';

// What only the bucket store does: presigned URLs, and objects that carry their checksum and HTTP headers.
describe('S3 image store', () => {
  const server = useTestObjectServer();
  let testStore: TestImageStore;

  beforeEach(async () => {
    testStore = await createS3TestImageStore(server());
  });
  afterEach(() => testStore.destroy());

  it('hands out a presigned URL that serves the image, as a cacheable JPEG, to anyone for a while', async () => {
    const id = testStore.store.newId();
    await testStore.store.save(id, { full: Buffer.from('full bytes'), thumb: Buffer.from('thumb') });
    const url = await testStore.store.presign(id, 'thumb', 60);
    const response = await fetch(url ?? '');
    expect([response.status, await response.text()]).toEqual([200, 'thumb']);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(url).toMatch(/X-Amz-Expires=60/);
  });

  it('keeps the SHA-256 of each object, for checks that need not read it', async () => {
    const id = testStore.store.newId();
    await testStore.store.save(id, { full: Buffer.from('full bytes'), thumb: Buffer.from('thumb') });
    expect((await testStore.store.stat(id, 'full'))?.sha256).toBe(
      createHash('sha256').update('full bytes').digest('hex'),
    );
  });

  it('refuses to start on a bucket it cannot reach, naming the bucket', async () => {
    const missing = createS3ImageStore({
      bucket: 'no-such-bucket',
      prefix: '',
      endpoint: server().endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: s3rverCredentials,
    });
    await expect(missing).rejects.toThrow(
      /^the image store s3:\/\/no-such-bucket\/ at 127\.0\.0\.1:\d+ cannot be reached/,
    );
  });
});
