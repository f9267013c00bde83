import { captureTokenHeaders } from '../testing/capture-requests.js';
import { authHeaders, createTestAccount } from '../testing/test-accounts.js';
import { call } from '../testing/http-call.js';
import { startTestServer } from '../testing/test-server.js';
import { createSqliteTestStorage } from '../testing/test-storage.js';
import { loggedPathOf } from './observe-requests.js';

describe('request logs and ids', () => {
  it('logs every request with its id and route, and never a key, token or secret', async () => {
    const storage = createSqliteTestStorage();
    const repo = await storage.open();
    const server = await startTestServer(repo);
    try {
      const { credentials } = await createTestAccount(repo, 'acme');
      const headers = authHeaders(credentials, new Date());
      const created = await call(server.baseUrl, 'POST', '/v1/sessions', {
        headers: { ...headers, 'X-Request-Id': 'req-1' },
      });
      const { session_key: key } = created.json as { session_key: string };
      await call(server.baseUrl, 'GET', `/v1/sessions/${key}/photos`, {
        headers: { ...headers, 'X-Request-Id': 'req-2' },
      });
      await call(server.baseUrl, 'GET', '/v1/sessions', { headers: { ...headers, 'API-Token': 'f'.repeat(64) } });
      await call(server.baseUrl, 'GET', '/v1/sessions', { credentials: { ...credentials, apiSecret: 'wrong-secret' } });
      const lines = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.filter((line) => line['msg'] === 'request').map((line) => [line['route'], line['status']])).toEqual([
        ['/v1/sessions', 200],
        ['/v1/sessions/:session_key/photos', 200],
        ['/v1/sessions', 401],
        ['/v1/sessions', 401],
      ]);
      expect(lines[0]).toMatchObject({ requestId: 'req-1', method: 'POST', path: '/v1/sessions' });
      // the photos fast path (photos-fast-path.ts) logs like Express does
      expect(lines[1]).toMatchObject({ requestId: 'req-2', method: 'GET', path: `/v1/sessions/${key}/photos` });
      const all = server.logs.join('\n');
      for (const secret of [credentials.apiSecret, credentials.apiKey, headers['API-Token'] ?? '?', 'f'.repeat(64)]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await server.close();
      await repo.close();
      await storage.destroy();
    }
  });

  it('logs capture routes, capture pages and images without the session key, the token or the image id', async () => {
    const storage = createSqliteTestStorage();
    const repo = await storage.open();
    const server = await startTestServer(repo);
    try {
      const { credentials } = await createTestAccount(repo, 'acme');
      const created = await call(server.baseUrl, 'POST', '/v1/sessions', { credentials, at: new Date() });
      const session = created.json as { session_key: string; capture_url: string };
      const token = captureTokenHeaders(session.capture_url);
      await call(server.baseUrl, 'GET', `/v1/capture/${session.session_key}`, { headers: token });
      await call(server.baseUrl, 'GET', `/capture/${session.session_key}`);
      await call(server.baseUrl, 'GET', `/images/${'ab'.repeat(16)}.jpg`);
      const lines = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.filter((line) => line['msg'] === 'request').map((line) => line['path'])).toEqual([
        '/v1/sessions',
        '/v1/capture/[redacted]',
        '/capture/[redacted]',
        '/images/[redacted]',
      ]);
      const all = server.logs.join('\n');
      for (const secret of [session.session_key, Object.values(token)[0] ?? '?', 'ab'.repeat(16)]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await server.close();
      await repo.close();
      await storage.destroy();
    }
  });

  it.each([
    ['/v1/capture/ACM-AAAAAAAAAA/photos/2?x=1', '/v1/capture/[redacted]/photos/2'],
    ['/capture/ACM-AAAAAAAAAA#token', '/capture/[redacted]'],
    ['/images/0123abcd.thumb.jpg', '/images/[redacted]'],
    ['/images/default/1.jpg', '/images/default/1.jpg'],
    ['/v1/sessions/ACM-AAAAAAAAAA', '/v1/sessions/ACM-AAAAAAAAAA'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggedPathOf(url)).toBe(logged);
  });

  it.each([
    ['a sane id as sent', 'abc-123_x.y', 'abc-123_x.y'],
    ['an id with spaces replaced', 'bad id', null],
    ['an id over 128 characters replaced', 'a'.repeat(129), null],
  ])('echoes X-Request-Id: %s', async (_label, sent, echoed) => {
    const storage = createSqliteTestStorage();
    const repo = await storage.open();
    const server = await startTestServer(repo);
    try {
      const answer = await call(server.baseUrl, 'GET', '/healthz', { headers: { 'X-Request-Id': sent } });
      const id = answer.headers.get('x-request-id');
      if (echoed === null) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      else expect(id).toBe(echoed);
    } finally {
      await server.close();
      await repo.close();
      await storage.destroy();
    }
  });
});
