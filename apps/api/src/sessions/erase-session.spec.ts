// Erasing a session for good, by request (POST …/erase) and by retention (PAVE_RETENTION_DAYS), on SQLite with the
// folder store and on PostgreSQL with a bucket: rows, images, notes and events are gone, a tombstone stays, the
// account's quota gets the bytes back, and two instances sweeping at once erase each session once.
import { ApiErrorBody, Session, SessionPhoto, sessionErasedMessage, type SessionKey } from '@pave/domain';
import { createLogger } from '../logger.js';
import { makeSceneImage } from '../qa/test-images.js';
import type { Repository } from '../storage/repository.js';
import { captureTokenHeaders, postForm } from '../testing/capture-requests.js';
import { call } from '../testing/http-call.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { describeEachBackend } from '../testing/test-backends.js';
import type { TestImageStore } from '../testing/test-image-stores.js';
import { createTestClock, startTestServer, type TestServer } from '../testing/test-server.js';
import type { TestStorage } from '../testing/test-storage.js';
import { eraseExpiredRetention } from './retention-sweep.js';

const day = 86_400_000;
const clock = createTestClock(new Date('2026-03-01T10:00:00Z'));
const silent = createLogger('silent');

describeEachBackend('erasing sessions', (backend) => {
  let storage: TestStorage;
  let repo: Repository;
  let images: TestImageStore;
  let server: TestServer;
  let acme: TestCredentials;
  let scene: Buffer;
  const links = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    scene = await makeSceneImage({ seed: 41 });
  });
  beforeEach(async () => {
    storage = await backend.storage.create();
    repo = await storage.open();
    images = await backend.createImages();
    acme = (await createTestAccount(repo, 'acme')).credentials;
    server = await startTestServer(repo, { now: clock.read, images: images.store });
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
    await images.destroy();
  });

  const photoUrls = new Map<string, string>();

  async function capturedSession(): Promise<SessionKey> {
    const created = await call(server.baseUrl, 'POST', '/v1/sessions', { credentials: acme, at: clock.now, json: {} });
    const session = Session.parse(created.json);
    links.set(session.session_key, captureTokenHeaders(session.capture_url));
    const path = `/v1/capture/${session.session_key}/photos/2`;
    const upload = await postForm(
      server.baseUrl,
      path,
      [{ field: 'image', bytes: scene }],
      links.get(session.session_key),
    );
    expect(upload.status).toBe(201);
    photoUrls.set(session.session_key, SessionPhoto.parse(upload.json).url ?? '');
    return session.session_key;
  }
  const erase = (key: string, credentials = acme) =>
    call(server.baseUrl, 'POST', `/v1/sessions/${key}/erase`, { credentials, at: clock.now });
  const get = (path: string) => call(server.baseUrl, 'GET', path, { credentials: acme, at: clock.now });

  it('erases a session with its photos, images, notes and events, keeps a tombstone and gives the quota back', async () => {
    const key = await capturedSession();
    const kept = await capturedSession();
    const note = await call(server.baseUrl, 'POST', `/v1/sessions/${key}/notes`, {
      credentials: acme,
      at: clock.now,
      json: { note: 'driver gave a phone number' },
    });
    expect(note.status).toBe(201);
    const account = await repo.accounts.findByUsername('acme');
    const accountId = account?.id ?? -1;
    const bytesBefore = account?.storedImageBytes ?? 0;
    expect(await images.files()).toHaveLength(4);
    // read (and kept in this instance's photos cache) before the erasure
    expect((await get(`/v1/sessions/${key}/photos`)).status).toBe(200);
    const imagePath = new URL(photoUrls.get(key) ?? '').pathname;
    expect((await call(server.baseUrl, 'GET', imagePath)).status).toBe(200);

    const answer = await erase(key);
    expect([answer.status, answer.json]).toEqual([200, { message: sessionErasedMessage(key) }]);

    expect(await images.files()).toHaveLength(2);
    expect((await get(`/v1/sessions/${key}`)).status).toBe(404);
    expect((await get(`/v1/sessions/${key}/photos`)).status).toBe(404);
    expect((await get(`/v1/sessions/${key}/notes`)).status).toBe(404);
    expect((await call(server.baseUrl, 'GET', imagePath)).status).toBe(404);
    const capture = await call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers: links.get(key) ?? {} });
    expect(capture.status).toBe(404);
    const events = await repo.events.listForAccount(accountId);
    expect(events.filter((event) => event.sessionKey === key)).toEqual([]);
    expect(events.some((event) => event.sessionKey === kept)).toBe(true);
    expect(await repo.erasures.list(accountId)).toEqual([
      { sessionKey: key, reason: 'request', erasedAt: clock.now.getTime(), attempts: 1, images: 1 },
    ]);
    const bytesAfter = (await repo.accounts.findByUsername('acme'))?.storedImageBytes ?? -1;
    expect(bytesAfter).toBeGreaterThan(0);
    expect(bytesAfter).toBeLessThan(bytesBefore);
    expect((await get(`/v1/sessions/${kept}/photos`)).status).toBe(200);
    // erased already: unknown
    const again = await erase(key);
    expect([again.status, ApiErrorBody.parse(again.json).code]).toEqual([404, 'not_found']);
  });

  it('answers another account’s session 404 and leaves it as it is', async () => {
    const key = await capturedSession();
    const { credentials: other } = await createTestAccount(repo, 'other');
    expect((await erase(key, other)).status).toBe(404);
    expect((await get(`/v1/sessions/${key}/photos`)).status).toBe(200);
    expect(await images.files()).toHaveLength(2);
  });

  it('erases, by retention, sessions finished longer ago than the setting, once, with two instances sweeping', async () => {
    const finished = await capturedSession();
    const invalid = await capturedSession();
    const active = await capturedSession();
    const recent = await capturedSession();
    const t0 = clock.now.getTime();
    const set = async (key: SessionKey, to: 'COMPLETE' | 'INVALID', at: number) => {
      const row = await repo.sessions.findByKey(key, 'any');
      if (!row) throw new Error('no session');
      expect(await repo.sessions.updateStatus({ sessionId: row.id, from: row.status, to, at })).toBe(true);
    };
    await set(finished, 'COMPLETE', t0);
    await set(invalid, 'INVALID', t0 + day / 2);
    await set(recent, 'COMPLETE', t0 + 20 * day);
    // on PostgreSQL a second instance's own connections; SQLite is one process's (better-sqlite3 waits for a lock
    // synchronously, so two connections in one process would wait on each other), so it sweeps twice at once
    const second = backend.storage.name === 'postgres' ? await storage.open() : repo;
    try {
      const now = () => new Date(t0 + 31 * day);
      const sweep = (on: Repository) =>
        eraseExpiredRetention({
          repo: on,
          images: images.store,
          now,
          logger: silent,
          retentionDays: 30,
          intervalSeconds: 3600,
        });
      const counts = await Promise.all([sweep(repo), sweep(second)]);
      expect(counts[0] + counts[1]).toBe(2);
    } finally {
      if (second !== repo) await second.close();
    }
    const left = await Promise.all(
      [finished, invalid, active, recent].map(async (key) => (await repo.sessions.findByKey(key, 'any')) !== null),
    );
    expect(left).toEqual([false, false, true, true]);
    expect(await images.files()).toHaveLength(4);
    const accountId = (await repo.accounts.findByUsername('acme'))?.id ?? -1;
    const tombstones = await repo.erasures.list(accountId);
    expect(tombstones.map((row) => [row.sessionKey, row.reason]).sort()).toEqual(
      [
        [finished, 'retention'],
        [invalid, 'retention'],
      ].sort(),
    );
  });
});
