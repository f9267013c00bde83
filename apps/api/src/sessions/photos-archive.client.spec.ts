import { createPaveClient, PaveApiError, type PaveClient } from '@pave/client';
import type { PhotoCode, SessionPhoto } from '@pave/domain';
import { makeDarkImage, makeSceneImage } from '../qa/test-images.js';
import { call } from '../testing/http-call.js';
import { readZip } from '../testing/read-zip.js';
import { describeEachBackend } from '../testing/test-backends.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';

// GET /v1/sessions/:key/photos.zip through @pave/client: every stored photo of a session, unzipped and compared
// byte for byte with what GET /images/… serves, on each storage and image store.

const start = new Date('2026-03-01T10:00:00Z');

function blob(bytes: Buffer): Blob {
  return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describeEachBackend('the photos of a session as one ZIP', (backend) => {
  let app: TestApp;
  let pave: PaveClient;

  beforeEach(async () => {
    app = await startTestApp(backend.storage.create, start, { createImages: backend.createImages });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  });
  afterEach(() => stopTestApp(app));

  async function upload(link: string, code: PhotoCode, image: Buffer): Promise<SessionPhoto> {
    app.clock.now = new Date(app.clock.now.getTime() + 2000);
    return pave.capture(link).upload(code, blob(image));
  }

  it('holds every stored photo, rejected ones too, named by capture order, step and verdict', async () => {
    const session = await pave.sessions.create();
    const uploaded = [
      await upload(session.capture_url, 2, await makeDarkImage({ seed: 21 })),
      await upload(session.capture_url, 2, await makeSceneImage({ seed: 22 })),
      await upload(session.capture_url, 4, await makeSceneImage({ seed: 24 })),
    ];
    app.clock.now = new Date(app.clock.now.getTime() + 2000);
    await pave.capture(session.capture_url).manual({ photo_code: 1, value: '1HGCM82633A004352' });

    const files = readZip(await bytesOf(await pave.sessions.photosZip(session.session_key)));

    expect(uploaded.map((photo) => photo.approved)).toEqual([false, true, true]);
    expect(files.map((file) => file.name)).toEqual([
      '001-Interior-rejected.jpg',
      '002-Interior-accepted.jpg',
      '003-Left-accepted.jpg',
    ]);
    for (const [index, file] of files.entries()) {
      const served = await fetch(uploaded[index]?.url ?? '').then(async (r) => Buffer.from(await r.arrayBuffer()));
      expect(served.length).toBeGreaterThan(1000);
      expect(file.bytes.equals(served)).toBe(true);
    }
    expect(files[0]?.modified.toISOString()).toBe('2026-03-01T10:00:02.000Z');
  });

  it('answers an empty archive for a session without photos, and 404 for another account’s key', async () => {
    const session = await pave.sessions.create();
    expect(readZip(await bytesOf(await pave.sessions.photosZip(session.session_key)))).toEqual([]);
    const answer = await call(app.server.baseUrl, 'GET', `/v1/sessions/${session.session_key}/photos.zip`);
    expect(answer.status).toBe(401);
    const missing = await pave.sessions.photosZip('ACM-ZZZZZZZZZZ').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(PaveApiError);
    expect((missing as PaveApiError).status).toBe(404);
  });

  it('sends it as an attachment that is never cached', async () => {
    const session = await pave.sessions.create();
    const headers: Record<string, string> = {};
    const client = createPaveClient({
      baseUrl: app.server.baseUrl,
      ...app.acme,
      now: app.clock.read,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        response.headers.forEach((value, name) => (headers[name] = value));
        return response;
      },
    });
    await bytesOf(await client.sessions.photosZip(session.session_key));
    expect(headers).toMatchObject({
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${session.session_key}-photos.zip"`,
      'cache-control': 'private, no-store',
    });
  });
});
