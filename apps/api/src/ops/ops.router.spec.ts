import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';

describe('operations routes', () => {
  let storage: TestStorage;
  let repo: Repository;
  let server: TestServer;

  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    server = await startTestServer(repo);
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
  });

  it('answers /healthz while the process is up', async () => {
    const answer = await call(server.baseUrl, 'GET', '/healthz');
    expect([answer.status, answer.json]).toEqual([200, { status: 'ok' }]);
  });

  it('answers /readyz when storage answers', async () => {
    const answer = await call(server.baseUrl, 'GET', '/readyz');
    expect([answer.status, answer.json]).toEqual([200, { status: 'ready' }]);
  });

  it('answers /readyz with 503 and Retry-After 1 when storage does not', async () => {
    const unreachable = await startTestServer({ ...repo, ping: () => Promise.reject(new Error('connection refused')) });
    try {
      const answer = await call(unreachable.baseUrl, 'GET', '/readyz');
      expect([answer.status, answer.headers.get('retry-after'), answer.json]).toEqual([
        503,
        '1',
        { message: 'Storage is unreachable.', code: 'unavailable' },
      ]);
    } finally {
      await unreachable.close();
    }
  });

  it('answers /readyz with 503 and Retry-After 1 when the image store does not', async () => {
    const images = { ...server.images, ping: () => Promise.reject(new Error('NoSuchBucket')) };
    const unreachable = await startTestServer(repo, { images });
    try {
      const answer = await call(unreachable.baseUrl, 'GET', '/readyz');
      expect([answer.status, answer.headers.get('retry-after'), answer.json]).toEqual([
        503,
        '1',
        { message: 'Image storage is unreachable.', code: 'unavailable' },
      ]);
      expect(unreachable.logs.join('\n')).toContain('the image store is unreachable');
    } finally {
      await unreachable.close();
    }
  });

  it('counts requests by route template, not raw path, in Prometheus text format', async () => {
    const { credentials } = await createTestAccount(repo, 'acme');
    await call(server.baseUrl, 'GET', '/v1/sessions/ACM-0000000001', { credentials });
    await call(server.baseUrl, 'GET', '/v1/sessions/ACM-0000000002', { credentials });
    await call(server.baseUrl, 'GET', '/v1/nope');
    const answer = await call(server.baseUrl, 'GET', '/metrics');
    expect(answer.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = answer.text.split('\n');
    expect(lines).toContain('http_requests_total{method="GET",route="/v1/sessions/:session_key",status="404"} 2');
    expect(lines).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(lines).toContain(
      'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/sessions/:session_key",status="404"} 2',
    );
    expect(lines).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/sessions/:session_key",status="404"} 2',
    );
    expect(answer.text).not.toContain('ACM-0000000001');
    expect(lines.some((line) => line.startsWith('nodejs_eventloop_lag_seconds '))).toBe(true);
  });
});
