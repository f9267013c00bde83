import {
  Session,
  SessionList,
  SessionPhotos,
  SessionProgress,
  sessionNotFoundMessage,
  sessionRemovedMessage,
  sessionStartedMessage,
} from '@pave/domain';
import { call } from '../testing/http-call.js';
import { samplePhotos, seedSampleAttempts } from '../testing/sample-attempts.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { startTestServer } from '../testing/test-server.js';
import { describeEachStorage } from '../testing/test-storage.js';

const start = new Date('2026-03-01T10:00:00Z');

describeEachStorage('Sessions API', (kind) => {
  let app: TestApp;
  let other: TestCredentials;

  beforeEach(async () => {
    app = await startTestApp(kind.create, start);
    other = (await createTestAccount(app.repo, 'other')).credentials;
  });
  afterEach(() => stopTestApp(app));

  const as = (credentials: TestCredentials) => ({ credentials, at: app.clock.now });

  async function createSession(credentials: TestCredentials, json: unknown = {}): Promise<Session> {
    const answer = await call(app.server.baseUrl, 'POST', '/v1/sessions', { ...as(credentials), json });
    expect(answer.status).toBe(200);
    return Session.parse(answer.json);
  }

  describe('POST /v1/sessions', () => {
    it('answers 200 with a new IDLE session, its key prefixed by the username and its capture link', async () => {
      const answer = await call(app.server.baseUrl, 'POST', '/v1/sessions', {
        ...as(app.acme),
        json: { session: { theme: 'LITE', client_id: 'order-17' }, vehicle: { vin: '1HGCM82633A004352' } },
      });
      expect(answer.status).toBe(200);
      const session = Session.parse(answer.json);
      expect(session.session_key).toMatch(/^ACM-[A-Z0-9]{10}$/);
      expect(session).toEqual({
        session_key: session.session_key,
        theme: 'LITE',
        active: true,
        status: 'IDLE',
        redirect_url: null,
        inspect_started_at: null,
        inspect_ended_at: null,
        created_at: '2026-03-01T10:00:00+00:00',
        updated_at: '2026-03-01T10:00:00+00:00',
        language: 'EN',
        capture_url: expect.stringMatching(
          new RegExp(`^${app.server.baseUrl}/capture/${session.session_key}#[A-Za-z0-9_-]{43}$`),
        ) as unknown,
        options: { client_id: 'order-17', sms: null },
        vehicle: expect.objectContaining({ vin: '1HGCM82633A004352', make: null, odom_reading: null }),
        expires_at: '2026-03-08T10:00:00+00:00',
        contact: null,
        reference: null,
        invalid_reason: null,
      });
    });

    it('creates a session from an empty body with the default theme and language', async () => {
      const answer = await call(app.server.baseUrl, 'POST', '/v1/sessions', as(app.acme));
      expect(answer.status).toBe(200);
      expect(Session.parse(answer.json)).toMatchObject({ theme: 'PRO', language: 'EN', vehicle: { vin: null } });
    });

    it("refuses an unknown field with 400 and PAVE's {message} alone", async () => {
      const answer = await call(app.server.baseUrl, 'POST', '/v1/sessions', {
        ...as(app.acme),
        json: { colour: 'red' },
      });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ message: expect.stringContaining('colour') });
    });
  });

  describe('GET /v1/sessions/:session_key', () => {
    it('answers the session to its own account', async () => {
      const created = await createSession(app.acme);
      const answer = await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(answer.status).toBe(200);
      expect(Session.parse(answer.json)).toEqual(created);
    });

    it("answers another account's session with the byte-identical 404 of an unknown key", async () => {
      const created = await createSession(app.acme);
      const unknownKey = created.session_key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const theirs = await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}/photos`, as(other));
      const unknown = await call(app.server.baseUrl, 'GET', `/v1/sessions/${unknownKey}/photos`, as(other));
      expect(theirs.status).toBe(404);
      expect(theirs.text).toBe(JSON.stringify({ message: sessionNotFoundMessage(created.session_key) }));
      expect(unknown.text).toBe(JSON.stringify({ message: sessionNotFoundMessage(unknownKey) }));
      expect(theirs.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
      expect(theirs.headers.get('content-length')).toBe(unknown.headers.get('content-length'));
    });

    it('answers a malformed key with the same "cannot be found" 404', async () => {
      const answer = await call(app.server.baseUrl, 'GET', '/v1/sessions/not-a-key', as(app.acme));
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ message: 'Session not-a-key cannot be found.' });
    });

    it('shows a session past its expiry window as EXPIRED', async () => {
      const created = await createSession(app.acme);
      app.clock.now = new Date('2026-03-08T10:00:00Z');
      const answer = await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(Session.parse(answer.json)).toMatchObject({ status: 'EXPIRED', updated_at: '2026-03-08T10:00:00+00:00' });
    });
  });

  describe('DELETE /v1/sessions/:session_key', () => {
    it("removes an IDLE session with PAVE's message, after which it cannot be found", async () => {
      const created = await createSession(app.acme);
      const removed = await call(app.server.baseUrl, 'DELETE', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(removed.status).toBe(200);
      expect(removed.json).toEqual({ message: sessionRemovedMessage(created.session_key) });
      const again = await call(app.server.baseUrl, 'DELETE', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(again.status).toBe(404);
      expect(again.json).toEqual({ message: sessionNotFoundMessage(created.session_key) });
    });

    it("refuses a started session with PAVE's 400 message", async () => {
      const created = await createSession(app.acme);
      const row = await app.repo.sessions.findByKey(Session.parse(created).session_key, 'any');
      if (!row) throw new Error('session missing');
      await app.repo.sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: start.getTime() });
      const answer = await call(app.server.baseUrl, 'DELETE', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ message: sessionStartedMessage(created.session_key) });
    });

    it("does not delete another account's session", async () => {
      const created = await createSession(app.acme);
      const answer = await call(app.server.baseUrl, 'DELETE', `/v1/sessions/${created.session_key}`, as(other));
      expect(answer.status).toBe(404);
      expect((await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}`, as(app.acme))).status).toBe(
        200,
      );
    });
  });

  describe('GET /v1/sessions/:session_key/photos', () => {
    it('answers [] for a session with no photos yet', async () => {
      const created = await createSession(app.acme);
      const answer = await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}/photos`, as(app.acme));
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('[]');
    });

    it("answers the contract's sample exactly (apart from urls) for the sample's 14 attempts", async () => {
      const created = await createSession(app.acme);
      const row = await app.repo.sessions.findByKey(created.session_key, 'any');
      if (!row) throw new Error('session missing');
      await seedSampleAttempts(app.repo, row.id);
      const answer = await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}/photos`, as(app.acme));
      expect(answer.status).toBe(200);
      const photos = SessionPhotos.parse(answer.json);
      const withSampleUrls = (answer.json as { url: string }[]).map((photo) => ({
        ...photo,
        url: 'https://your_capture_photo_url.jpg',
      }));
      expect(JSON.stringify(withSampleUrls)).toBe(JSON.stringify(samplePhotos));
      expect(photos.map((photo) => photo.url)).toEqual(
        photos.map(() => expect.stringMatching(new RegExp(`^${app.server.baseUrl}/images/[0-9a-f]{32}\\.jpg$`))),
      );
    });

    it('keeps its answer across a restart of server and storage', async () => {
      const created = await createSession(app.acme);
      const row = await app.repo.sessions.findByKey(created.session_key, 'any');
      if (!row) throw new Error('session missing');
      await seedSampleAttempts(app.repo, row.id);
      const path = `/v1/sessions/${created.session_key}/photos`;
      const before = await call(app.server.baseUrl, 'GET', path, as(app.acme));
      await app.server.close();
      await app.repo.close();
      app.repo = await app.storage.open();
      app.server = await startTestServer(app.repo, { now: app.clock.read });
      const after = await call(app.server.baseUrl, 'GET', path, as(app.acme));
      expect(after.status).toBe(200);
      expect(after.text.replaceAll(app.server.baseUrl, '')).toBe(before.text.replace(/http:\/\/127\.0\.0\.1:\d+/g, ''));
    });
  });

  describe('GET /v1/sessions', () => {
    it("lists the account's sessions newest first, page by page with an opaque cursor", async () => {
      const keys: string[] = [];
      for (const minute of [0, 1, 2]) {
        app.clock.now = new Date(start.getTime() + minute * 60_000);
        keys.push((await createSession(app.acme)).session_key);
      }
      await createSession(other);
      const first = SessionList.parse(
        (await call(app.server.baseUrl, 'GET', '/v1/sessions?limit=2', as(app.acme))).json,
      );
      expect(first.sessions.map((s) => s.session_key)).toEqual([keys[2], keys[1]]);
      expect(first.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const path = `/v1/sessions?limit=2&cursor=${first.next_cursor}`;
      const second = SessionList.parse((await call(app.server.baseUrl, 'GET', path, as(app.acme))).json);
      expect(second).toEqual({ sessions: [expect.objectContaining({ session_key: keys[0] })], next_cursor: null });
    });

    it('filters by status and refuses a cursor it did not give out', async () => {
      const created = await createSession(app.acme);
      const idle = SessionList.parse(
        (await call(app.server.baseUrl, 'GET', '/v1/sessions?status=IDLE', as(app.acme))).json,
      );
      const done = SessionList.parse(
        (await call(app.server.baseUrl, 'GET', '/v1/sessions?status=COMPLETE', as(app.acme))).json,
      );
      expect(idle.sessions.map((s) => s.session_key)).toEqual([created.session_key]);
      expect(done.sessions).toEqual([]);
      const bad = await call(app.server.baseUrl, 'GET', '/v1/sessions?cursor=bm9wZQ', as(app.acme));
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ code: 'invalid_request' });
      const unknown = await call(app.server.baseUrl, 'GET', '/v1/sessions?colour=red', as(app.acme));
      expect([unknown.status, unknown.json]).toEqual([400, expect.objectContaining({ code: 'invalid_request' })]);
    });
  });

  it('behaves as one service across two instances on the same storage', async () => {
    const secondRepo = await app.storage.open();
    const second = await startTestServer(secondRepo, { now: app.clock.read });
    try {
      const created = await createSession(app.acme);
      const read = await call(second.baseUrl, 'GET', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(Session.parse(read.json).session_key).toBe(created.session_key);
      const removed = await call(second.baseUrl, 'DELETE', `/v1/sessions/${created.session_key}`, as(app.acme));
      expect(removed.status).toBe(200);
      expect((await call(app.server.baseUrl, 'GET', `/v1/sessions/${created.session_key}`, as(app.acme))).status).toBe(
        404,
      );
    } finally {
      await second.close();
      await secondRepo.close();
    }
  });

  describe('GET /v1/sessions/:session_key/progress', () => {
    it('answers each step in capture order with its state and attempts', async () => {
      const created = await createSession(app.acme);
      const row = await app.repo.sessions.findByKey(created.session_key, 'any');
      if (!row) throw new Error('session missing');
      await seedSampleAttempts(app.repo, row.id);
      const answer = await call(
        app.server.baseUrl,
        'GET',
        `/v1/sessions/${created.session_key}/progress`,
        as(app.acme),
      );
      const progress = SessionProgress.parse(answer.json);
      expect(progress.steps.map((s) => [s.photo_label, s.state, s.attempts.length])).toEqual([
        ['VIN', 'accepted', 1],
        ['Interior', 'accepted', 2],
        ['Cluster', 'accepted', 1],
        ['Left', 'rejected', 1],
        ['Front_Left', 'rejected', 1],
        ['Front', 'accepted', 1],
        ['Front_Right', 'rejected', 1],
        ['Right', 'accepted', 1],
        ['Rear_Right', 'accepted', 1],
        ['Rear', 'accepted', 1],
        ['Rear_Left', 'accepted', 1],
        ['Windshield', 'accepted', 1],
        ['Tires', 'accepted', 1],
      ]);
      expect(progress).toMatchObject({ complete: true, next_step: null, status: 'IDLE' });
      expect(progress.steps[1]?.attempts[0]).toMatchObject({ reason_code: 'wrong_view', processing_seconds: 15 });
    });

    it('answers 404 with a code for an unknown session (our own route)', async () => {
      const answer = await call(app.server.baseUrl, 'GET', '/v1/sessions/ACM-0000000000/progress', as(app.acme));
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ message: sessionNotFoundMessage('ACM-0000000000'), code: 'not_found' });
    });
  });
});
