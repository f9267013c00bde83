import { ApiErrorCode } from '@pave/domain';
import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';
import { statusOfCode } from './error-handler.js';

describe('errors over HTTP', () => {
  let storage: TestStorage;
  let repo: Repository;
  let server: TestServer;
  let acme: TestCredentials;

  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    server = await startTestServer(repo);
    acme = (await createTestAccount(repo, 'acme')).credentials;
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
  });

  const post = (body: string, contentType: string) =>
    call(server.baseUrl, 'POST', '/v1/sessions', { credentials: acme, body, headers: { 'Content-Type': contentType } });

  it('answers malformed JSON with 400', async () => {
    const answer = await post('{"theme": ', 'application/json');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ message: 'Malformed JSON body.' });
  });

  it('answers a body over 64 kB with 413', async () => {
    const answer = await post(JSON.stringify({ client_id: 'x'.repeat(70_000) }), 'application/json');
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ message: 'Request body too large.' });
  });

  it('answers a body that is not JSON with 415', async () => {
    const answer = await post('theme=LITE', 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({ message: 'Send the body as application/json.' });
  });

  it('answers a bad enum value with 400 naming the field', async () => {
    const answer = await call(server.baseUrl, 'POST', '/v1/sessions', {
      credentials: acme,
      json: { session: { theme: 'DARK' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ message: expect.stringMatching(/^Invalid session: session\.theme: /) });
  });

  it.each([
    ['a dot-dot path', '/v1/sessions/..%2f..', 'Session ../.. cannot be found.'],
    ['a NUL byte', '/v1/sessions/ABC-%00', 'Session ABC-\u0000 cannot be found.'],
    ['a very long key', `/v1/sessions/${'A'.repeat(4000)}/photos`, `Session ${'A'.repeat(4000)} cannot be found.`],
  ])('answers %s with the not-found 404', async (_label, path, message) => {
    const answer = await call(server.baseUrl, 'GET', path, { credentials: acme });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message });
  });

  it('answers broken percent-encoding with 400', async () => {
    const answer = await call(server.baseUrl, 'GET', '/v1/sessions/%E0%A4%A', { credentials: acme });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ message: 'Invalid request.', code: 'invalid_request' });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const answer = await call(server.baseUrl, 'GET', '/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message: 'No such route.', code: 'not_found' });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const answer = await call(server.baseUrl, 'PUT', '/v1/sessions', { credentials: acme });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(answer.json).toMatchObject({ code: 'method_not_allowed' });
  });

  it('answers the unexpected with a generic 500 and logs the stack, never sending it', async () => {
    const broken: Repository = {
      ...repo,
      sessions: { ...repo.sessions, findByKey: () => Promise.reject(new Error('disk on fire at /var/lib/x')) },
    };
    const brokenServer = await startTestServer(broken);
    try {
      const answer = await call(brokenServer.baseUrl, 'GET', '/v1/sessions/ACM-0000000000', { credentials: acme });
      expect(answer.status).toBe(500);
      expect(answer.text).toBe('{"message":"Internal server error."}');
      const logged = brokenServer.logs.map((line) => JSON.parse(line) as { msg: string; err?: { stack?: string } });
      const error = logged.find((line) => line.msg === 'unexpected error');
      expect(error?.err?.stack).toContain('disk on fire');
    } finally {
      await brokenServer.close();
    }
  });

  it('maps every error code to a 4xx or 5xx status', () => {
    const statuses = ApiErrorCode.options.map((code) => statusOfCode[code]);
    expect(statuses.filter((status) => status < 400 || status > 599)).toEqual([]);
    expect([statusOfCode.not_found, statusOfCode.unauthorized, statusOfCode.session_started]).toEqual([404, 401, 400]);
  });
});
