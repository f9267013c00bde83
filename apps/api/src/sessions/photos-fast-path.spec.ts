// The photos fast path (photos-fast-path.ts) answers `GET …/photos` before Express. Every request here goes once to
// the app with the fast path in front and once to the same app served by Express alone (sessions.router.ts), on the
// same storage and clock. The answers must be the same: status, every header but `Date` (the clock's second; the
// request id is sent, so it is echoed rather than generated), and the body byte for byte; so must the log lines
// and the metrics series.
import { request } from 'node:http';
import { SessionKey } from '@pave/domain';
import { sendRaw, type RawAnswer } from '../resilience/raw-request.js';
import type { AccountRow, Repository } from '../storage/repository.js';
import { seedSampleAttempts } from '../testing/sample-attempts.js';
import { authHeaders, createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';

/** Headers that differ between two answers for reasons other than the code. */
const volatileHeaders = new Set(['date']);
const photosRoute = '/v1/sessions/:session_key/photos';
const start = new Date('2026-01-01T10:00:30Z');

type Pair = { readonly fast: TestServer; readonly express: TestServer };

async function startPair(repo: Repository, options: TestServerOptions = {}): Promise<Pair> {
  // one public base URL, so that the photo URLs of both are the same
  const shared = { now: () => start, publicBaseUrl: 'http://pave.test', ...options };
  const fast = await startTestServer(repo, shared);
  const express = await startTestServer(repo, { ...shared, expressOnly: true });
  return { fast, express };
}

async function closePair(pair: Pair): Promise<void> {
  await pair.fast.close();
  await pair.express.close();
}

function comparable(answer: RawAnswer) {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !volatileHeaders.has(name)));
  return { status: answer.status, headers, body: answer.body };
}

/** Sends one GET to the fast path, then the same to Express. */
async function sendToBoth(pair: Pair, path: string, headers: Record<string, string>) {
  const fast = await sendRaw(pair.fast.baseUrl, { method: 'GET', path, headers });
  const express = await sendRaw(pair.express.baseUrl, { method: 'GET', path, headers });
  return { fast: comparable(fast), express: comparable(express) };
}

function requestLines(server: TestServer, requestId: string): Record<string, unknown>[] {
  return server.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['msg'] === 'request' && line['requestId'] === requestId)
    .map(({ time: _time, ms: _ms, ...line }) => line);
}

async function photosSeries(server: TestServer): Promise<string[]> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  // counts only: the durations (sums and buckets) differ
  const counts = /^http_request(s_total|_duration_seconds_count)\{/;
  return text.split('\n').filter((line) => line.includes(`route="${photosRoute}"`) && counts.test(line));
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the photos fast path, compared with the Express route', () => {
  let storage: TestStorage;
  let repo: Repository;
  let pair: Pair;
  let owner: TestCredentials;
  let stranger: TestCredentials;
  let revoked: TestCredentials;
  let withPhotos: string;
  let empty: string;

  const createSession = async (): Promise<string> => {
    const created = await sendRaw(pair.express.baseUrl, {
      method: 'POST',
      path: '/v1/sessions',
      headers: { ...authHeaders(owner, start), 'content-type': 'application/json' },
      body: '{}',
    });
    return (JSON.parse(created.body) as { session_key: string }).session_key;
  };

  beforeAll(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    ({ credentials: owner } = await createTestAccount(repo, 'owner'));
    ({ credentials: stranger } = await createTestAccount(repo, 'stranger'));
    ({ credentials: revoked } = await createTestAccount(repo, 'revoked'));
    await repo.accounts.revoke(revoked.apiKey, start.getTime());
    pair = await startPair(repo);
    withPhotos = await createSession();
    empty = await createSession();
    const row = await repo.sessions.findByKey(SessionKey.parse(withPhotos), 'any');
    if (!row) throw new Error('the session just created is missing');
    await seedSampleAttempts(repo, row.id);
  });

  afterAll(async () => {
    await closePair(pair);
    await repo.close();
    await storage.destroy();
  });

  const photosOf = (key: string) => `/v1/sessions/${key}/photos`;
  const signed = (credentials: TestCredentials) => authHeaders(credentials, start);
  const without = (name: string) => Object.fromEntries(Object.entries(signed(owner)).filter(([key]) => key !== name));

  it.each<[string, () => string, () => Record<string, string>, number]>([
    ['a session with 14 attempts', () => photosOf(withPhotos), () => signed(owner), 200],
    ['a session without attempts', () => photosOf(empty), () => signed(owner), 200],
    ['a query string', () => `${photosOf(withPhotos)}?fresh=1`, () => signed(owner), 200],
    ['no API-Key', () => photosOf(withPhotos), () => without('API-Key'), 401],
    ['no API-Token', () => photosOf(withPhotos), () => without('API-Token'), 401],
    ['no API-Timestamp', () => photosOf(withPhotos), () => without('API-Timestamp'), 401],
    ['an unknown key', () => photosOf(withPhotos), () => ({ ...signed(owner), 'API-Key': 'key-unknown-0000' }), 401],
    ['a revoked key', () => photosOf(withPhotos), () => signed(revoked), 401],
    ['another secret', () => photosOf(withPhotos), () => signed({ ...owner, apiSecret: stranger.apiSecret }), 401],
    ['an upper-case token', () => photosOf(withPhotos), () => ({ ...signed(owner), 'API-Token': 'A'.repeat(64) }), 401],
    ['a stale timestamp', () => photosOf(withPhotos), () => authHeaders(owner, new Date(+start - 301_000)), 401],
    ['an unreadable timestamp', () => photosOf(withPhotos), () => authHeaders(owner, '30/05/2021 12:49'), 401],
    ['an unknown session', () => photosOf('OWN-0000000000'), () => signed(owner), 404],
    ["another account's session", () => photosOf(withPhotos), () => signed(stranger), 404],
    ['a malformed key', () => photosOf('not-a-key'), () => signed(owner), 404],
  ])('answers %s the same', async (_label, path, headers, status) => {
    const { fast, express } = await sendToBoth(pair, path(), { ...headers(), 'X-Request-Id': 'parity' });
    expect(fast.status).toBe(status);
    expect(fast).toEqual(express);
  });

  it('generates a request id on both when none is sent', async () => {
    const { fast, express } = await sendToBoth(pair, photosOf(withPhotos), signed(owner));
    const { 'x-request-id': fastId, ...fastHeaders } = fast.headers;
    const { 'x-request-id': expressId, ...expressHeaders } = express.headers;
    expect([fastId, expressId]).toEqual([
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
    expect({ ...fast, headers: fastHeaders }).toEqual({ ...express, headers: expressHeaders });
  });

  it('logs and counts the requests the same', async () => {
    for (const [requestId, headers, key] of [
      ['log-200', signed(owner), withPhotos],
      ['log-401', without('API-Token'), withPhotos],
      ['log-404', signed(stranger), withPhotos],
    ] as const) {
      await sendToBoth(pair, photosOf(key), { ...headers, 'X-Request-Id': requestId });
      const [fastLine, ...more] = requestLines(pair.fast, requestId);
      expect(more).toEqual([]);
      expect(fastLine).toMatchObject({ route: photosRoute, path: photosOf(key), aborted: false });
      expect(requestLines(pair.express, requestId)).toEqual([fastLine]);
    }
    const series = await photosSeries(pair.fast);
    expect(series.filter((line) => line.startsWith('http_requests_total{')).length).toBe(3);
    expect(series).toEqual(await photosSeries(pair.express));
  });
});

describe('the photos fast path, compared with the Express route, when refusing or failing', () => {
  let storage: TestStorage;
  let repo: Repository;
  let owner: TestCredentials;
  const unknownSession = '/v1/sessions/OWN-0000000000/photos';

  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    ({ credentials: owner } = await createTestAccount(repo, 'owner'));
  });

  afterEach(async () => {
    await repo.close();
    await storage.destroy();
  });

  it('answers over the rate limit the same (429, Retry-After, RateLimit-*)', async () => {
    const pair = await startPair(repo, { rateLimitPerMinute: 1 });
    try {
      const headers = { ...authHeaders(owner, start), 'X-Request-Id': 'limited' };
      await sendToBoth(pair, unknownSession, headers);
      const { fast, express } = await sendToBoth(pair, unknownSession, headers);
      expect([fast.status, fast.headers['retry-after'], fast.headers['ratelimit-remaining']]).toEqual([429, '30', '0']);
      expect(fast).toEqual(express);
    } finally {
      await closePair(pair);
    }
  });

  it.each([
    ['storage is unavailable', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 503],
    ['storage fails unexpectedly', new Error('disk on fire'), 500],
  ])('answers the same when %s', async (_label, failure, status) => {
    const failing: Repository = { ...repo, sessions: { ...repo.sessions, findByKey: () => Promise.reject(failure) } };
    const pair = await startPair(failing);
    try {
      const headers = { ...authHeaders(owner, start), 'X-Request-Id': 'failing' };
      const { fast, express } = await sendToBoth(pair, unknownSession, headers);
      expect(fast.status).toBe(status);
      expect(fast).toEqual(express);
      expect(fast.body).not.toContain('disk on fire');
    } finally {
      await closePair(pair);
    }
  });

  it('logs a request abandoned before its answer as aborted, on both paths', async () => {
    let arrived = (): void => undefined;
    let release = (): void => undefined;
    const gated: Repository = {
      ...repo,
      accounts: {
        ...repo.accounts,
        findByApiKey: async (apiKey: string): Promise<AccountRow | null> => {
          arrived();
          await new Promise<void>((resolve) => (release = resolve));
          return repo.accounts.findByApiKey(apiKey);
        },
      },
    };
    const pair = await startPair(gated);
    try {
      for (const server of [pair.fast, pair.express]) {
        const seen = new Promise<void>((resolve) => (arrived = resolve));
        const headers = { ...authHeaders(owner, start), 'X-Request-Id': 'abandoned' };
        const abandoned = request(`${server.baseUrl}${unknownSession}`, { headers });
        abandoned.on('error', () => undefined);
        abandoned.end();
        await seen;
        abandoned.destroy();
        await waitFor(() => requestLines(server, 'abandoned').length > 0);
        release();
      }
      const [fastLine] = requestLines(pair.fast, 'abandoned');
      expect(fastLine).toMatchObject({ route: photosRoute, aborted: true });
      expect(requestLines(pair.express, 'abandoned')).toEqual([fastLine]);
    } finally {
      release();
      await closePair(pair);
    }
  });
});
