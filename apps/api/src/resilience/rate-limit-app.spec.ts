// The rate limit as the real app applies it: on the photos fast path and on the Express routes alike, counted
// together per API key, other keys unaffected.
import { createTestClock, startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';
import { authHeaders, createTestAccount, type TestCredentials } from '../testing/test-accounts.js';

let storage: TestStorage;
let server: TestServer;
let limited: TestCredentials;
let other: TestCredentials;
let sessionKey: string;
// a clock standing still in the middle of a minute: the requests below can never straddle two windows
const clock = createTestClock(new Date('2026-01-01T10:00:30Z'));

beforeAll(async () => {
  storage = createSqliteTestStorage();
  const repo = await storage.open();
  ({ credentials: limited } = await createTestAccount(repo, 'limited'));
  ({ credentials: other } = await createTestAccount(repo, 'other'));
  server = await startTestServer(repo, { rateLimitPerMinute: 3, now: clock.read });
  const created = await fetch(`${server.baseUrl}/v1/sessions`, {
    method: 'POST',
    headers: { ...authHeaders(limited, clock.now), 'content-type': 'application/json' },
    body: '{}',
  });
  sessionKey = ((await created.json()) as { session_key: string }).session_key;
});

afterAll(async () => {
  await server.close();
  await storage.destroy();
});

const get = (path: string, credentials: TestCredentials) =>
  fetch(`${server.baseUrl}${path}`, { headers: authHeaders(credentials, clock.now) });

it('counts the fast path and the Express routes together and answers 429 with Retry-After', async () => {
  const photos = await get(`/v1/sessions/${sessionKey}/photos`, limited);
  expect(photos.status).toBe(200);
  expect(photos.headers.get('RateLimit-Limit')).toBe('3');
  expect(photos.headers.get('RateLimit-Remaining')).toBe('1');
  expect((await get(`/v1/sessions/${sessionKey}`, limited)).status).toBe(200);
  const overPhotos = await get(`/v1/sessions/${sessionKey}/photos`, limited);
  expect(overPhotos.status).toBe(429);
  const retryAfter = Number(overPhotos.headers.get('Retry-After'));
  expect(retryAfter).toBe(30);
  expect(((await overPhotos.json()) as { message: string }).message).toMatch(/Rate limit of 3 requests per minute/);
  const overList = await get('/v1/sessions', limited);
  expect(overList.status).toBe(429);
  expect(((await overList.json()) as { code?: string }).code).toBe('rate_limited');
});

it('leaves other API keys alone', async () => {
  expect((await get('/v1/sessions', other)).status).toBe(200);
});
