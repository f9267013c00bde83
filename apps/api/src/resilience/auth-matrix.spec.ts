// The auth matrix of the contract on every /v1/sessions route and both storages: each refusal (missing
// header by name, unknown or revoked key, wrong secret, upper-case token, stale or future or unreadable
// timestamp), replays (accepted while fresh: the contract has no nonce; refused once stale) and
// cross-account access (the byte-identical 404 of an unknown session).
import { sessionNotFoundMessage } from '@pave/domain';
import { startTestServer, createTestClock, type TestClock, type TestServer } from '../testing/test-server.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';
import { authHeaders, createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { sendRaw, type RawRequest } from './raw-request.js';

type Route = {
  readonly name: string;
  readonly method: string;
  readonly path: (key: string) => string;
  readonly body?: string;
};

const routes: readonly Route[] = [
  { name: 'list sessions', method: 'GET', path: () => '/v1/sessions' },
  { name: 'create session', method: 'POST', path: () => '/v1/sessions', body: '{}' },
  { name: 'get session', method: 'GET', path: (k) => `/v1/sessions/${k}` },
  { name: 'session photos', method: 'GET', path: (k) => `/v1/sessions/${k}/photos` },
  { name: 'session progress', method: 'GET', path: (k) => `/v1/sessions/${k}/progress` },
  { name: 'delete session', method: 'DELETE', path: (k) => `/v1/sessions/${k}` },
];
const keyedRoutes = routes.filter((r) => r.path('K') !== r.path('L'));

describeEachStorage('auth matrix', ({ create }) => {
  let storage: TestStorage;
  let server: TestServer;
  let clock: TestClock;
  let owner: TestCredentials;
  let stranger: TestCredentials;
  let revoked: TestCredentials;
  let sessionKey: string;
  const start = new Date('2026-01-01T10:00:00Z');

  const send = (route: Route, headers: Record<string, string>, key = sessionKey) => {
    const raw: RawRequest = {
      method: route.method,
      path: route.path(key),
      headers: { ...headers, 'content-type': 'application/json' },
      ...(route.body === undefined ? {} : { body: route.body }),
    };
    return sendRaw(server.baseUrl, raw);
  };

  beforeAll(async () => {
    storage = await create();
    const repo = await storage.open();
    ({ credentials: owner } = await createTestAccount(repo, 'owner'));
    ({ credentials: stranger } = await createTestAccount(repo, 'stranger'));
    ({ credentials: revoked } = await createTestAccount(repo, 'revoked'));
    await repo.accounts.revoke(revoked.apiKey, start.getTime());
    clock = createTestClock(start);
    server = await startTestServer(repo, { now: clock.read });
    const created = await send(routes[1] as Route, authHeaders(owner, start));
    sessionKey = (JSON.parse(created.body) as { session_key: string }).session_key;
  });

  beforeEach(() => {
    clock.now = start;
  });

  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  const refusals: [string, () => Record<string, string>, RegExp][] = [
    ['no API-Key', () => omit(authHeaders(owner, start), 'API-Key'), /Missing API-Key/],
    ['no API-Token', () => omit(authHeaders(owner, start), 'API-Token'), /Missing API-Token/],
    ['no API-Timestamp', () => omit(authHeaders(owner, start), 'API-Timestamp'), /Missing API-Timestamp/],
    ['an unknown key', () => ({ ...authHeaders(owner, start), 'API-Key': 'key-unknown-0000' }), /Unknown API-Key/],
    ['a revoked key', () => authHeaders(revoked, start), /Unknown API-Key/],
    ['another secret', () => authHeaders({ ...owner, apiSecret: stranger.apiSecret }, start), /Invalid API-Token/],
    ['an upper-case token', () => upper(authHeaders(owner, start)), /Invalid API-Token/],
    ['a timestamp 301 s old', () => authHeaders(owner, new Date(start.getTime() - 301_000)), /Expired API-Timestamp/],
    ['a timestamp 301 s ahead', () => authHeaders(owner, new Date(start.getTime() + 301_000)), /Expired API-Timestamp/],
    ['an unreadable timestamp', () => authHeaders(owner, '30/05/2021 12:49'), /Unreadable API-Timestamp/],
  ];

  describe.each(routes)('$name', (route) => {
    it.each(refusals)('refuses %s with a 401 naming it', async (_what, headers, message) => {
      const answer = await send(route, headers());
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body).message).toMatch(message);
      expect(answer.body).not.toContain(owner.apiSecret);
    });
  });

  describe.each(routes.filter((r) => r.method !== 'DELETE'))('$name', (route) => {
    it.each([
      ['ISO 8601', formatIso(start)],
      ['Unix seconds', String(start.getTime() / 1000)],
      ['RFC 1123', start.toUTCString()],
    ])('accepts a %s timestamp', async (_spelling, timestamp) => {
      const answer = await send(route, authHeaders(owner, timestamp));
      expect(answer.status).toBeLessThan(300);
    });
  });

  it('accepts a replayed request while its timestamp is fresh, and refuses it once stale', async () => {
    const headers = authHeaders(owner, start);
    const photos = routes[3] as Route;
    clock.now = new Date(start.getTime() + 299_000);
    expect((await send(photos, headers)).status).toBe(200);
    expect((await send(photos, headers)).status).toBe(200);
    clock.now = new Date(start.getTime() + 301_000);
    const stale = await send(photos, headers);
    expect(stale.status).toBe(401);
    expect(JSON.parse(stale.body).message).toMatch(/Expired API-Timestamp/);
  });

  it.each(keyedRoutes)('answers another account on $name exactly as for an unknown session', async (route) => {
    const foreign = await send(route, authHeaders(stranger, start));
    const unknown = await send(route, authHeaders(stranger, start), 'ZZZ-0000000000');
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body).message).toBe(sessionNotFoundMessage(sessionKey));
    expect(unknown.body.replace('ZZZ-0000000000', sessionKey)).toBe(foreign.body);
    expect((await send(routes[2] as Route, authHeaders(owner, start))).status).toBe(200);
  });

  it('lets the owner delete the session it created', async () => {
    const answer = await send(routes[5] as Route, authHeaders(owner, start));
    expect(answer.status).toBe(200);
  });
});

function omit(headers: Record<string, string>, name: string): Record<string, string> {
  const { [name]: _dropped, ...rest } = headers;
  return rest;
}

function upper(headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'API-Token': (headers['API-Token'] ?? '').toUpperCase() };
}

function formatIso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
