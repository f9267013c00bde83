// The budgets of the unauthenticated surface over real HTTP and real storage: a 404 budget per address that makes
// key guessing impractical, requests per session and per address, all counted in the shared rate_limits table (two
// app instances on one storage count together), and the attempt caps and the storage quota of the capture routes.
import { ApiErrorBody, Session, SessionPhoto, attemptsExhaustedMessage, type SessionKey } from '@pave/domain';
import { randomBytes } from 'node:crypto';
import { makeSceneImage } from '../qa/test-images.js';
import type { Repository } from '../storage/repository.js';
import { captureTokenHeaders, postForm } from '../testing/capture-requests.js';
import { call, type HttpAnswer } from '../testing/http-call.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { describeEachBackend } from '../testing/test-backends.js';
import type { TestImageStore } from '../testing/test-image-stores.js';
import { createTestClock, startTestServer, type TestServer, type TestServerOptions } from '../testing/test-server.js';
import type { TestStorage } from '../testing/test-storage.js';
import type { CaptureBudgetLimits } from './capture-budgets.js';

// a clock standing still in the middle of a minute: no run of requests below straddles two windows
const clock = createTestClock(new Date('2026-03-01T10:00:30Z'));
const noBudgets: CaptureBudgetLimits = {
  perSession: 0,
  capturePerAddress: 0,
  imagesPerAddress: 0,
  notFoundPerAddress: 0,
};

describeEachBackend('capture and image budgets', (backend) => {
  let storage: TestStorage;
  let repo: Repository;
  let images: TestImageStore;
  let servers: TestServer[];
  let acme: TestCredentials;
  const links = new Map<string, Record<string, string>>();

  async function start(options: TestServerOptions, instances = 1): Promise<TestServer[]> {
    servers = [];
    for (let i = 0; i < instances; i += 1) {
      servers.push(await startTestServer(repo, { now: clock.read, images: images.store, ...options }));
    }
    return servers;
  }

  beforeEach(async () => {
    storage = await backend.storage.create();
    repo = await storage.open();
    images = await backend.createImages();
    acme = (await createTestAccount(repo, 'acme')).credentials;
    servers = [];
  });
  afterEach(async () => {
    for (const server of servers) await server.close();
    await repo.close();
    await storage.destroy();
    await images.destroy();
  });

  async function createSession(server: TestServer): Promise<SessionKey> {
    const answer = await call(server.baseUrl, 'POST', '/v1/sessions', { credentials: acme, at: clock.now, json: {} });
    const session = Session.parse(answer.json);
    links.set(session.session_key, captureTokenHeaders(session.capture_url));
    return session.session_key;
  }
  const getState = (server: TestServer, key: string, headers = links.get(key) ?? {}) =>
    call(server.baseUrl, 'GET', `/v1/capture/${key}`, { headers });
  const guessKey = () => `ABC-${randomBytes(5).toString('hex').toUpperCase()}`;

  function expectRateLimited(answer: HttpAnswer, pattern: RegExp): void {
    expect(answer.status).toBe(429);
    const retryAfter = Number(answer.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(ApiErrorBody.parse(answer.json).message).toMatch(pattern);
  }

  describe('404s per address', () => {
    it('answers guesses 404 up to the budget, then 429 to every capture and image request of the address', async () => {
      const [server] = await start({ captureBudgets: { ...noBudgets, notFoundPerAddress: 4 } });
      if (!server) throw new Error('no server');
      const real = await createSession(server);
      const guesses = [
        await getState(server, guessKey(), {}),
        await getState(server, real, { 'Capture-Token': 'wrong' }),
        await call(server.baseUrl, 'GET', `/images/${randomBytes(16).toString('hex')}.jpg`),
        await call(server.baseUrl, 'GET', `/images/${randomBytes(16).toString('hex')}.thumb.jpg`),
      ];
      expect(guesses.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
      expectRateLimited(await getState(server, guessKey(), {}), /unknown sessions or images/);
      // the address is refused outright until the minute ends, even with the right token
      expectRateLimited(await getState(server, real), /unknown sessions or images/);
      expectRateLimited(await call(server.baseUrl, 'GET', '/images/default/1.jpg'), /unknown sessions or images/);
    });

    it('counts the 404s of two instances on one storage together', async () => {
      const [one, two] = await start({ captureBudgets: { ...noBudgets, notFoundPerAddress: 3 } }, 2);
      if (!one || !two) throw new Error('no servers');
      expect((await getState(one, guessKey(), {})).status).toBe(404);
      expect((await getState(two, guessKey(), {})).status).toBe(404);
      expect((await getState(one, guessKey(), {})).status).toBe(404);
      expectRateLimited(await getState(two, guessKey(), {}), /unknown sessions or images/);
      const stored = await repo.rateLimits.hit(
        'not-found:127.0.0.1',
        Math.floor(clock.now.getTime() / 60_000) * 60_000,
      );
      expect(stored).toBe(5);
    });
  });

  describe('requests per session and per address', () => {
    it('limits one session’s capture requests across instances and leaves other sessions alone', async () => {
      const [one, two] = await start({ captureBudgets: { ...noBudgets, perSession: 3 } }, 2);
      if (!one || !two) throw new Error('no servers');
      const busy = await createSession(one);
      const other = await createSession(one);
      const statuses = [await getState(one, busy), await getState(two, busy), await getState(one, busy)];
      expect(statuses.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expectRateLimited(await getState(two, busy), /this capture session \(at most 3 a minute\)/);
      expect((await getState(one, other)).status).toBe(200);
    });

    it('does not let a caller without the token spend a session’s budget', async () => {
      const [server] = await start({ captureBudgets: { ...noBudgets, perSession: 2 } });
      if (!server) throw new Error('no server');
      const key = await createSession(server);
      for (let i = 0; i < 5; i += 1) expect((await getState(server, key, {})).status).toBe(404);
      expect((await getState(server, key)).status).toBe(200);
    });

    it('limits capture and image requests per client address, each route on its own budget', async () => {
      const [server] = await start({ captureBudgets: { ...noBudgets, capturePerAddress: 2, imagesPerAddress: 2 } });
      if (!server) throw new Error('no server');
      const key = await createSession(server);
      expect((await getState(server, key)).status).toBe(200);
      expect((await getState(server, key)).status).toBe(200);
      expectRateLimited(await getState(server, key), /from this address \(at most 2 a minute\)/);
      const defaults = () => call(server.baseUrl, 'GET', '/images/default/3.jpg');
      expect([(await defaults()).status, (await defaults()).status]).toEqual([200, 200]);
      expectRateLimited(await defaults(), /from this address \(at most 2 a minute\)/);
    });
  });

  describe('attempt caps', () => {
    it('refuses a step’s attempt past its cap, then any attempt past the session’s, with 409', async () => {
      const [server] = await start({ attemptLimits: { perStep: 2, perSession: 3 } });
      if (!server) throw new Error('no server');
      const key = await createSession(server);
      const manual = (photoCode: number, value: string) =>
        call(server.baseUrl, 'POST', `/v1/capture/${key}/manual`, {
          headers: links.get(key) ?? {},
          json: { photo_code: photoCode, value },
        });
      expect((await manual(1, '1HGCM82633A004352')).status).toBe(201);
      expect((await manual(1, '1HGCM82633A004352')).status).toBe(201);
      const overStep = await manual(1, '1HGCM82633A004352');
      expect([overStep.status, ApiErrorBody.parse(overStep.json)]).toEqual([
        409,
        {
          code: 'attempts_exhausted',
          message: attemptsExhaustedMessage({ code: 'attempts_exhausted', scope: 'step', photoCode: 1, limit: 2 }),
        },
      ]);
      expect((await manual(3, '12345')).status).toBe(201);
      const overSession = await manual(3, '12346');
      expect(overSession.status).toBe(409);
      expect(ApiErrorBody.parse(overSession.json).message).toBe(
        'This session already has 3 attempts, the most one session takes.',
      );
      // a photo past the cap is refused before it is read, and nothing is stored
      const upload = await postForm(
        server.baseUrl,
        `/v1/capture/${key}/photos/2`,
        [{ field: 'image', bytes: await makeSceneImage({ seed: 7 }) }],
        links.get(key) ?? {},
      );
      expect(upload.status).toBe(409);
      const session = await repo.sessions.findByKey(key, 'any');
      expect((await repo.attempts.listForSession(session?.id ?? -1)).length).toBe(3);
      expect(await images.files()).toEqual([]);
    });
  });

  describe('storage quota', () => {
    const uploadTo = async (server: TestServer, key: string, seed: number) =>
      postForm(
        server.baseUrl,
        `/v1/capture/${key}/photos/2`,
        [{ field: 'image', bytes: await makeSceneImage({ seed }) }],
        links.get(key) ?? {},
      );

    it('counts each stored photo’s bytes on its account and refuses photos past the quota with 413', async () => {
      const [server] = await start({ storageQuotaBytes: 10_000_000 });
      if (!server) throw new Error('no server');
      const key = await createSession(server);
      const first = await uploadTo(server, key, 11);
      expect(first.status).toBe(201);
      SessionPhoto.parse(first.json);
      const account = await repo.accounts.findByUsername('acme');
      const stored = account?.storedImageBytes ?? 0;
      expect(stored).toBeGreaterThan(1000);
      const files = await images.files();
      expect(files).toHaveLength(2);
      // the same account, now at its quota: refused before the upload is read
      await server.close();
      const [full] = await start({ storageQuotaBytes: stored });
      if (!full) throw new Error('no server');
      const refused = await uploadTo(full, await createSession(full), 12);
      expect(refused.status).toBe(413);
      expect(ApiErrorBody.parse(refused.json)).toEqual({
        code: 'storage_quota_exceeded',
        message: expect.stringMatching(
          /^This account keeps at most \d+(\.\d+)? MB of images and has reached it/,
        ) as unknown as string,
      });
      expect(await images.files()).toEqual(files);
      expect((await repo.accounts.findByUsername('acme'))?.storedImageBytes).toBe(stored);
    });

    it('refuses, under the lock, a photo that would pass the quota, and keeps none of its files', async () => {
      const [server] = await start({ storageQuotaBytes: 1 });
      if (!server) throw new Error('no server');
      const key = await createSession(server);
      const refused = await uploadTo(server, key, 13);
      expect(refused.status).toBe(413);
      expect(await images.files()).toEqual([]);
      expect((await repo.accounts.findByUsername('acme'))?.storedImageBytes).toBe(0);
      const session = await repo.sessions.findByKey(key, 'any');
      expect(await repo.attempts.listForSession(session?.id ?? -1)).toEqual([]);
    });
  });
});
