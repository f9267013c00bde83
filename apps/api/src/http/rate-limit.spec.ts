import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPaveClient, PaveApiError } from '@pave/client';
import express, { type Express } from 'express';
import { createLogger } from '../logger.js';
import type { RateLimitStore, Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';
import { createAuthenticate } from './authenticate.js';
import { createErrorHandler, notFound } from './error-handler.js';
import {
  createRateLimiter,
  createRateLimitMiddleware,
  pruneRateLimits,
  rateLimitedMessage,
  type RateLimiter,
} from './rate-limit.js';
import { errorStyle } from './route-helpers.js';

// 2026-03-01T10:00:00Z, the start of a window
const windowStart = Date.UTC(2026, 2, 1, 10, 0, 0);

/** Counters in memory, recording every call. */
function createMemoryStore(): RateLimitStore & { calls: string[] } {
  const counts = new Map<string, number>();
  const calls: string[] = [];
  return {
    calls,
    hit(apiKey, start) {
      calls.push(`hit ${apiKey} ${start}`);
      const id = `${apiKey}@${start}`;
      const count = (counts.get(id) ?? 0) + 1;
      counts.set(id, count);
      return Promise.resolve(count);
    },
    prune(before) {
      calls.push(`prune ${before}`);
      return Promise.resolve(0);
    },
  };
}

function createClock(startMs: number): { now: () => Date; set(ms: number): void; advance(ms: number): void } {
  let currentMs = startMs;
  return {
    now: () => new Date(currentMs),
    set: (ms) => (currentMs = ms),
    advance: (ms) => (currentMs += ms),
  };
}

describe('createRateLimiter', () => {
  it('allows up to the limit per minute, counting down what remains, then refuses until the window resets', async () => {
    const clock = createClock(windowStart + 15_000);
    const limiter = createRateLimiter({ store: createMemoryStore(), limitPerMinute: 3, now: clock.now });
    const decisions = [];
    for (let i = 0; i < 5; i += 1) decisions.push(await limiter.check('key-a'));
    expect(decisions).toEqual([
      { ok: true, limit: 3, remaining: 2, resetSeconds: 45 },
      { ok: true, limit: 3, remaining: 1, resetSeconds: 45 },
      { ok: true, limit: 3, remaining: 0, resetSeconds: 45 },
      { ok: false, limit: 3, retryAfterSeconds: 45, resetSeconds: 45 },
      { ok: false, limit: 3, retryAfterSeconds: 45, resetSeconds: 45 },
    ]);
  });

  it('starts a new window on the minute: the last millisecond still counts in the old one', async () => {
    const clock = createClock(windowStart);
    const limiter = createRateLimiter({ store: createMemoryStore(), limitPerMinute: 1, now: clock.now });
    expect(await limiter.check('key-a')).toEqual({ ok: true, limit: 1, remaining: 0, resetSeconds: 60 });
    clock.set(windowStart + 59_999);
    expect(await limiter.check('key-a')).toEqual({ ok: false, limit: 1, retryAfterSeconds: 1, resetSeconds: 1 });
    clock.set(windowStart + 60_000);
    expect(await limiter.check('key-a')).toEqual({ ok: true, limit: 1, remaining: 0, resetSeconds: 60 });
  });

  it('rounds the wait up to whole seconds, so that a client waiting Retry-After is in the next window', async () => {
    const clock = createClock(windowStart + 30_400);
    const limiter = createRateLimiter({ store: createMemoryStore(), limitPerMinute: 1, now: clock.now });
    await limiter.check('key-a');
    const refused = await limiter.check('key-a');
    expect(refused).toEqual({ ok: false, limit: 1, retryAfterSeconds: 30, resetSeconds: 30 });
    clock.advance(30 * 1000);
    expect((await limiter.check('key-a')).ok).toBe(true);
  });

  it('counts each API key on its own, in the window of the current time', async () => {
    const store = createMemoryStore();
    const limiter = createRateLimiter({ store, limitPerMinute: 1, now: () => new Date(windowStart + 61_000) });
    expect((await limiter.check('key-a')).ok).toBe(true);
    expect((await limiter.check('key-b')).ok).toBe(true);
    expect((await limiter.check('key-a')).ok).toBe(false);
    const next = windowStart + 60_000;
    expect(store.calls).toEqual([`hit key-a ${next}`, `hit key-b ${next}`, `hit key-a ${next}`]);
  });

  it('is off at 0: always allows and never touches storage', async () => {
    const store = createMemoryStore();
    const limiter = createRateLimiter({ store, limitPerMinute: 0, now: () => new Date(windowStart) });
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.check('key-a')).toEqual({ ok: true, limit: 0, remaining: 0, resetSeconds: 0 });
    }
    expect(limiter.enabled).toBe(false);
    expect(store.calls).toEqual([]);
  });

  it('refuses a limit that is not a whole number ≥ 0', () => {
    const make = (limitPerMinute: number) => () =>
      createRateLimiter({ store: createMemoryStore(), limitPerMinute, now: () => new Date(windowStart) });
    expect(make(-1)).toThrow('invariant: limitPerMinute is an integer ≥ 0');
    expect(make(1.5)).toThrow('invariant: limitPerMinute is an integer ≥ 0');
  });

  it('prunes the windows before the previous one', async () => {
    const store = createMemoryStore();
    await pruneRateLimits(store, new Date(windowStart + 59_000));
    expect(store.calls).toEqual([`prune ${windowStart - 60_000}`]);
  });
});

/** A small app with one PAVE-style and one extended-style route behind auth and the rate limit. */
function createLimitedApp(repo: Repository, limiter: RateLimiter, now: () => Date): Express {
  const app = express();
  const authenticate = createAuthenticate({ accounts: repo.accounts, now });
  const limit = createRateLimitMiddleware(limiter);
  app.get('/v1/sessions/:session_key/photos', errorStyle('pave'), authenticate, limit, (_req, res) => {
    res.json([]);
  });
  app.get('/v1/sessions', errorStyle('extended'), authenticate, limit, (_req, res) => {
    res.json({ sessions: [], next_cursor: null });
  });
  app.use(notFound);
  app.use(createErrorHandler(createLogger('silent')));
  return app;
}

async function listen(app: Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const photosPath = '/v1/sessions/ACM-0000000000/photos';

describe('createRateLimitMiddleware over HTTP', () => {
  let storage: TestStorage;
  let repo: Repository;
  let acme: TestCredentials;
  let server: { baseUrl: string; close(): Promise<void> };
  const clock = createClock(0);

  const start = async (limitPerMinute: number, store: RateLimitStore = repo.rateLimits) => {
    const limiter = createRateLimiter({ store, limitPerMinute, now: clock.now });
    server = await listen(createLimitedApp(repo, limiter, clock.now));
  };
  const get = (path: string) => call(server.baseUrl, 'GET', path, { credentials: acme, at: clock.now() });

  beforeEach(async () => {
    clock.set(windowStart + 15_000);
    storage = createSqliteTestStorage();
    repo = await storage.open();
    acme = (await createTestAccount(repo, 'acme')).credentials;
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
  });

  it('sets RateLimit-* on every answer, then answers 429 with Retry-After and a PAVE-style body', async () => {
    await start(2);
    const answers = [await get(photosPath), await get(photosPath), await get(photosPath)];
    const headers = answers.map((answer) => [
      answer.status,
      answer.headers.get('ratelimit-limit'),
      answer.headers.get('ratelimit-remaining'),
      answer.headers.get('ratelimit-reset'),
      answer.headers.get('retry-after'),
    ]);
    expect(headers).toEqual([
      [200, '2', '1', '45', null],
      [200, '2', '0', '45', null],
      [429, '2', '0', '45', '45'],
    ]);
    expect(answers[2]?.json).toEqual({ message: rateLimitedMessage(2, 45) });
    expect(answers[2]?.json).toEqual({
      message: 'Rate limit of 2 requests per minute exceeded for this API key; retry in 45 s.',
    });
  });

  it('adds code rate_limited on our own routes, and shares one count across the routes of a key', async () => {
    await start(1);
    expect((await get(photosPath)).status).toBe(200);
    const refused = await get('/v1/sessions');
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ message: rateLimitedMessage(1, 45), code: 'rate_limited' });
  });

  it('counts only authenticated requests: a bad signature is a 401 without RateLimit headers', async () => {
    await start(1);
    const unsigned = await call(server.baseUrl, 'GET', photosPath, { headers: { 'API-Key': acme.apiKey } });
    expect([unsigned.status, unsigned.headers.get('ratelimit-limit')]).toEqual([401, null]);
    expect((await get(photosPath)).status).toBe(200);
  });

  it('answers 503 with Retry-After 1 when storage cannot count', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await start(5, { hit: () => Promise.reject(unreachable), prune: () => Promise.reject(unreachable) });
    const answer = await get(photosPath);
    expect([answer.status, answer.headers.get('retry-after'), answer.json]).toEqual([
      503,
      '1',
      { message: 'Storage is unavailable; try again shortly.' },
    ]);
  });

  it('sends no RateLimit headers and counts nothing when off (0)', async () => {
    await start(0);
    for (let i = 0; i < 3; i += 1) {
      const answer = await get(photosPath);
      expect([answer.status, answer.headers.get('ratelimit-limit')]).toEqual([200, null]);
    }
    expect(await repo.rateLimits.prune(Number.MAX_SAFE_INTEGER)).toBe(0);
  });

  describe('through @pave/client', () => {
    const statuses: Array<[number, string | null]> = [];
    /** fetch that records each answer; on a 429 the clock jumps by Retry-After, as if the client had waited. */
    const observedFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const retryAfter = response.headers.get('retry-after');
      statuses.push([response.status, retryAfter]);
      if (response.status === 429) clock.advance(Number(retryAfter) * 1000);
      return response;
    };
    const client = (fetchImpl: typeof fetch) =>
      createPaveClient({
        baseUrl: server.baseUrl,
        ...acme,
        now: clock.now,
        // the real wait is capped to keep the test fast; the clock jump above stands for the rest
        retry: { limit: 1, maxRetryAfterMs: 10 },
        fetch: fetchImpl,
      });

    beforeEach(() => {
      statuses.length = 0;
    });

    it('retries after Retry-After and succeeds once the window has moved', async () => {
      await start(1);
      const pave = client(observedFetch);
      await expect(pave.sessions.photos('ACM-0000000000')).resolves.toEqual([]);
      await expect(pave.sessions.photos('ACM-0000000000')).resolves.toEqual([]);
      expect(statuses).toEqual([
        [200, null],
        [429, '45'],
        [200, null],
      ]);
    });

    it('surfaces PaveApiError 429 with the message once its retries are spent', async () => {
      await start(1);
      const pave = client(async (input, init) => {
        const response = await fetch(input, init);
        statuses.push([response.status, response.headers.get('retry-after')]);
        return response;
      });
      await pave.sessions.photos('ACM-0000000000');
      const error: unknown = await pave.sessions.photos('ACM-0000000000').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaveApiError);
      expect(error).toMatchObject({ status: 429, body: { message: rateLimitedMessage(1, 45) } });
      expect(statuses).toEqual([
        [200, null],
        [429, '45'],
        [429, '45'],
      ]);
    });
  });
});
