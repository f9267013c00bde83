import { authHeaders, createTestAccount } from '../testing/test-accounts.js';
import { call } from '../testing/http-call.js';
import { startTestServer } from '../testing/test-server.js';
import { createSqliteTestStorage } from '../testing/test-storage.js';

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
