import {
  createPaveClient,
  PaveApiError,
  PaveAuthError,
  PaveNotFoundError,
  waitForCapture,
  type PaveClient,
  type PaveResponseEvent,
} from '@pave/client';
import { sessionNotFoundMessage, sessionRemovedMessage, sessionStartedMessage } from '@pave/domain';
import { samplePhotos, seedSampleAttempts } from '../testing/sample-attempts.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachStorage } from '../testing/test-storage.js';

// The Sessions API driven through @pave/client: the contract tested from both sides at once.

describeEachStorage('Sessions API through @pave/client', (kind) => {
  let app: TestApp;
  let pave: PaveClient;

  const clientFor = (credentials: TestCredentials): PaveClient =>
    createPaveClient({ baseUrl: app.server.baseUrl, ...credentials, now: app.clock.read, retry: { limit: 0 } });

  beforeEach(async () => {
    app = await startTestApp(kind.create, new Date('2026-03-01T10:00:00Z'));
    pave = clientFor(app.acme);
  });
  afterEach(() => stopTestApp(app));

  it('creates, reads, lists and deletes a session', async () => {
    const created = await pave.sessions.create({ session: { language: 'FR', client_id: 'claim-9' } });
    expect(created).toMatchObject({ status: 'IDLE', language: 'FR', options: { client_id: 'claim-9' } });
    expect(await pave.sessions.get(created.session_key)).toEqual(created);
    const none = { steps_done: 0, steps_total: 13, last_activity_at: null };
    expect(await pave.sessions.list({ status: 'IDLE', limit: 5 })).toEqual({
      sessions: [{ ...created, progress: none }],
      next_cursor: null,
    });
    expect(await pave.sessions.delete(created.session_key)).toEqual({
      message: sessionRemovedMessage(created.session_key),
    });
    await expect(pave.sessions.get(created.session_key)).rejects.toBeInstanceOf(PaveNotFoundError);
  });

  it('searches the list by key, VIN (given or typed), client id and reference, and filters by creation time', async () => {
    const at = (minute: number) => (app.clock.now = new Date(Date.parse('2026-03-01T10:00:00Z') + minute * 60_000));
    at(0);
    const given = await pave.sessions.create({ vehicle: { vin: 'JN1CV6AR9BM123456', make: 'Infiniti' } });
    at(30);
    const referenced = await pave.sessions.create({ session: { client_id: 'claim_9%', reference: { po: 'PO-77' } } });
    at(60);
    const typed = await pave.sessions.create();
    await pave.capture(typed.capture_url).manual({ photo_code: 1, value: '1HGCM82633A004352' });
    const keysFor = async (query: Parameters<PaveClient['sessions']['list']>[0]) =>
      (await pave.sessions.list(query)).sessions.map((session) => session.session_key);

    expect(await keysFor({ q: 'bm123' })).toEqual([given.session_key]);
    expect(await keysFor({ q: '1hgcm8' })).toEqual([typed.session_key]);
    expect(await keysFor({ q: 'CLAIM_9%' })).toEqual([referenced.session_key]);
    expect(await keysFor({ q: 'claim_90' })).toEqual([]);
    expect(await keysFor({ q: 'po-77' })).toEqual([referenced.session_key]);
    expect(await keysFor({ q: typed.session_key.slice(-6).toLowerCase() })).toEqual([typed.session_key]);
    expect(await keysFor({ created_from: '2026-03-01T10:30:00Z' })).toEqual([
      typed.session_key,
      referenced.session_key,
    ]);
    expect(await keysFor({ created_before: '2026-03-01T12:30:00+02:00' })).toEqual([given.session_key]);
    const [listed] = (await pave.sessions.list({ q: typed.session_key })).sessions;
    expect(listed?.progress).toEqual({ steps_done: 1, steps_total: 13, last_activity_at: '2026-03-01T11:00:00+00:00' });
  });

  it("reads the sample's photos in capture order, and their progress", async () => {
    const created = await pave.sessions.create();
    expect(await pave.sessions.photos(created.session_key)).toEqual([]);
    const row = await app.repo.sessions.findByKey(created.session_key, 'any');
    if (!row) throw new Error('session missing');
    await seedSampleAttempts(app.repo, row.id);
    const photos = await pave.sessions.photos(created.session_key);
    expect(photos.map((photo) => ({ ...photo, url: 'https://your_capture_photo_url.jpg' }))).toEqual(samplePhotos);
    const progress = await pave.sessions.progress(created.session_key);
    expect(progress.steps.flatMap((step) => step.attempts).length).toBe(14);
  });

  it('revalidates reads with If-None-Match: a 304 gives the kept answer, a change the new one', async () => {
    const seen: PaveResponseEvent[] = [];
    const watched = createPaveClient({
      baseUrl: app.server.baseUrl,
      ...app.acme,
      now: app.clock.read,
      retry: { limit: 0 },
      onResponse: (event) => seen.push(event),
    });
    const { session_key: key, capture_url: captureUrl } = await watched.sessions.create();
    const capture = watched.capture(captureUrl);
    const reads = [
      () => watched.sessions.get(key),
      () => watched.sessions.photos(key),
      () => watched.sessions.progress(key),
      () => capture.get(),
    ];
    const first = await Promise.all(reads.map((read) => read()));
    const second = await Promise.all(reads.map((read) => read()));
    expect(second).toEqual(first);
    expect(second[1]).not.toBe(first[1]);
    const row = await app.repo.sessions.findByKey(key, 'any');
    if (!row) throw new Error('session missing');
    await seedSampleAttempts(app.repo, row.id);
    const third = await Promise.all(reads.map((read) => read()));
    expect(third[1]).toHaveLength(14);
    expect(seen.filter((event) => event.method === 'GET').map((event) => event.status)).toEqual([
      ...[200, 200, 200, 200],
      ...[304, 304, 304, 304],
      ...[200, 200, 200, 200],
    ]);
  });

  it('waitForCapture polls with conditional GETs: an unchanged capture costs 304s', async () => {
    const statuses: number[] = [];
    const watched = createPaveClient({
      baseUrl: app.server.baseUrl,
      ...app.acme,
      now: app.clock.read,
      retry: { limit: 0 },
      onResponse: (event) => statuses.push(event.status),
    });
    const { session_key: key } = await watched.sessions.create();
    const row = await app.repo.sessions.findByKey(key, 'any');
    if (!row) throw new Error('session missing');
    await app.repo.sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: row.createdAt });
    const controller = new AbortController();
    const waiting = waitForCapture(watched, key, { intervalMs: 5, maxIntervalMs: 5, signal: controller.signal });
    while (statuses.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await app.repo.sessions.updateStatus({ sessionId: row.id, from: 'STARTED', to: 'EXPIRED', at: row.createdAt });
    expect((await waiting).status).toBe('EXPIRED');
    expect(statuses.slice(0, 4)).toEqual([200, 200, 304, 304]);
    expect(statuses.at(-1)).toBe(200);
  });

  it('gives another account the same not-found error as an unknown key', async () => {
    const created = await pave.sessions.create();
    const stranger = clientFor((await createTestAccount(app.repo, 'other')).credentials);
    const error: unknown = await stranger.sessions.photos(created.session_key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaveNotFoundError);
    expect((error as PaveNotFoundError).body).toEqual({ message: sessionNotFoundMessage(created.session_key) });
  });

  it('refuses a wrong secret with an auth error that carries the server message', async () => {
    const forged = clientFor({ ...app.acme, apiSecret: 'not-the-secret' });
    const error: unknown = await forged.sessions.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaveAuthError);
    expect((error as PaveAuthError).status).toBe(401);
    expect((error as PaveAuthError).body.message).toBe('Invalid API-Token.');
  });

  it("refuses to delete a started session with 400 and PAVE's message", async () => {
    const created = await pave.sessions.create();
    const row = await app.repo.sessions.findByKey(created.session_key, 'any');
    if (!row) throw new Error('session missing');
    await app.repo.sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: Date.now() });
    const error: unknown = await pave.sessions.delete(created.session_key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaveApiError);
    expect([(error as PaveApiError).status, (error as PaveApiError).body]).toEqual([
      400,
      { message: sessionStartedMessage(created.session_key) },
    ]);
  });
});
