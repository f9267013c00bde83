import { authErrorMessage, authHeaderNames, formatApiTimestamp, type AuthHeaderName } from '@pave/domain';
import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { authHeaders, createTestAccount, signToken, type TestCredentials } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';

const now = new Date('2026-03-01T10:00:00Z');
const unixNow = String(now.getTime() / 1000);
const rfcNow = 'Sun, 01 Mar 2026 10:00:00 GMT';

describeEachStorage('PAVE auth on /v1/sessions routes', (kind) => {
  let storage: TestStorage;
  let repo: Repository;
  let server: TestServer;
  let acme: TestCredentials;
  let photosPath: string;

  beforeEach(async () => {
    storage = await kind.create();
    repo = await storage.open();
    server = await startTestServer(repo, { now: () => now });
    acme = (await createTestAccount(repo, 'acme')).credentials;
    const created = await call(server.baseUrl, 'POST', '/v1/sessions', { credentials: acme, at: now });
    photosPath = `/v1/sessions/${(created.json as { session_key: string }).session_key}/photos`;
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
  });

  const get = (headers: Record<string, string>) => call(server.baseUrl, 'GET', photosPath, { headers });

  it.each([authHeaderNames.apiKey, authHeaderNames.token, authHeaderNames.timestamp])(
    'refuses a request without %s, naming the header',
    async (missing: AuthHeaderName) => {
      const headers = authHeaders(acme, now);
      delete headers[missing];
      const answer = await get(headers);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ message: `Missing ${missing} header.` });
    },
  );

  it('refuses an unknown API key', async () => {
    const answer = await get(authHeaders({ ...acme, apiKey: 'key-nobody-has' }, now));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Unknown API-Key.' });
  });

  it('refuses a revoked API key exactly like an unknown one', async () => {
    await repo.accounts.revoke(acme.apiKey, now.getTime());
    const answer = await get(authHeaders(acme, now));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Unknown API-Key.' });
  });

  it('refuses a token made with another secret', async () => {
    const answer = await get(authHeaders({ ...acme, apiSecret: 'not-the-secret' }, now));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Invalid API-Token.' });
  });

  it('refuses the right token in upper case (the contract says lowercase hex)', async () => {
    const headers = authHeaders(acme, now);
    const answer = await get({
      ...headers,
      [authHeaderNames.token]: signToken(acme, formatApiTimestamp(now)).toUpperCase(),
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Invalid API-Token.' });
  });

  it('refuses a token signed over another spelling of the same instant', async () => {
    const headers = { ...authHeaders(acme, now), [authHeaderNames.timestamp]: unixNow };
    const answer = await get(headers);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Invalid API-Token.' });
  });

  it.each([
    ['301 s old', -301, '301 s behind'],
    ['31 s ahead', 31, '31 s ahead of'],
    ['299 s ahead', 299, '299 s ahead of'],
  ])('refuses a timestamp %s', async (_label, offsetSeconds, words) => {
    const answer = await get(authHeaders(acme, new Date(now.getTime() + offsetSeconds * 1000)));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      message: authErrorMessage({ code: 'expired_timestamp', skewSeconds: offsetSeconds }),
    });
    expect(answer.text).toContain(words);
  });

  it('accepts a timestamp exactly 30 s ahead (clock drift)', async () => {
    expect((await get(authHeaders(acme, new Date(now.getTime() + 30_000)))).status).toBe(200);
  });

  it('accepts a timestamp exactly 300 s old', async () => {
    expect((await get(authHeaders(acme, new Date(now.getTime() - 300_000)))).status).toBe(200);
  });

  it('refuses an unreadable timestamp', async () => {
    const answer = await get(authHeaders(acme, '2026-03-01 10:00:00'));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: authErrorMessage({ code: 'unreadable_timestamp' }) });
  });

  it.each([
    ['ISO 8601 with Z', formatApiTimestamp(now)],
    ['Unix seconds', unixNow],
    ['RFC 1123', rfcNow],
  ])('accepts a timestamp spelled as %s, signed as sent', async (_label, timestamp) => {
    const answer = await get(authHeaders(acme, timestamp));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([]);
  });

  it('adds the code on our own routes', async () => {
    const answer = await call(server.baseUrl, 'GET', '/v1/sessions', { headers: {} });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Missing API-Key header.', code: 'unauthorized' });
  });

  it('checks credentials before the session key, so a stranger learns nothing about keys', async () => {
    const answer = await call(server.baseUrl, 'GET', '/v1/sessions/not-a-key/photos', { headers: {} });
    expect(answer.status).toBe(401);
  });
});
