// Fuzzing: thousands of generated hostile requests (paths, headers, timestamps, JSON bodies, multipart bodies,
// image bytes) against a running server over real HTTP: never a 5xx, never a crash, every refusal a JSON
// `{message}`, and the server still answers correctly afterwards.
import fc from 'fast-check';
import { formatApiTimestamp } from '@pave/domain';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createSqliteTestStorage, type TestStorage } from '../testing/test-storage.js';
import { authHeaders, createTestAccount, type TestCredentials } from '../testing/test-accounts.js';
import { sendRaw, type RawAnswer, type RawRequest } from './raw-request.js';
import { captureTokenHeaders } from '../testing/capture-requests.js';

let storage: TestStorage;
let server: TestServer;
let credentials: TestCredentials;
let captureHeaders: Record<string, string> = {};
let sessionKey: string;

beforeAll(async () => {
  storage = createSqliteTestStorage();
  const repo = await storage.open();
  ({ credentials } = await createTestAccount(repo, 'fuzzer'));
  server = await startTestServer(repo);
  const created = await sendRaw(server.baseUrl, {
    method: 'POST',
    path: '/v1/sessions',
    headers: { ...authHeaders(credentials, new Date()), 'content-type': 'application/json' },
    body: '{}',
  });
  const session = JSON.parse(created.body) as { session_key: string; capture_url: string };
  sessionKey = session.session_key;
  captureHeaders = captureTokenHeaders(session.capture_url);
});

afterAll(async () => {
  await server.close();
  await storage.destroy();
});

/** Every answer is below 500, and a refusal carries a JSON body with a string message. */
function expectSane(answer: RawAnswer, sent: RawRequest): void {
  if (answer.status >= 500)
    throw new Error(`${sent.method} ${sent.path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const json = String(answer.headers['content-type'] ?? '').includes('application/json');
  if (answer.status >= 400 && sent.method !== 'HEAD') {
    expect(json).toBe(true);
    expect(typeof (JSON.parse(answer.body) as { message?: unknown }).message).toBe('string');
  }
}

const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2f',
    '%00',
    '%',
    '%zz',
    '~',
    'v1',
    'sessions',
    'photos',
    'progress',
    'capture',
    'images',
    'default',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,40}$/),
  fc.constant('A'.repeat(3000)),
  fc.constant('DEM-0123456789'),
);
const hostilePath = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 6 }), fc.option(fc.stringMatching(/^[A-Za-z0-9=&%._-]{0,60}$/)))
  .map(([parts, query]) => `/${parts.join('/')}${query === null ? '' : `?${query}`}`);
const method = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS');
const headerValue = fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,200}$/), fc.constant('x'.repeat(4000)));
const timestamp = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') }).map(formatApiTimestamp),
  fc.integer({ min: -1e12, max: 1e13 }).map(String),
  fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') }).map((d) => d.toUTCString()),
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
);

describe('hostile requests', () => {
  it('never answers 5xx to hostile paths and methods', async () => {
    await fc.assert(
      fc.asyncProperty(method, hostilePath, async (m, path) => {
        const sent = { method: m, path };
        expectSane(await sendRaw(server.baseUrl, sent), sent);
      }),
      { numRuns: 600 },
    );
  }, 120000);

  it('refuses every malformed credential with a 401 naming what is wrong, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { key: fc.option(headerValue), token: fc.option(headerValue), ts: fc.option(timestamp) },
          { requiredKeys: [] },
        ),
        async ({ key, token, ts }) => {
          const headers: Record<string, string> = {};
          if (key) headers['API-Key'] = key;
          if (token) headers['API-Token'] = token;
          if (ts) headers['API-Timestamp'] = ts;
          const sent = { method: 'GET', path: `/v1/sessions/${sessionKey}/photos`, headers };
          const answer = await sendRaw(server.baseUrl, sent);
          expectSane(answer, sent);
          expect(answer.status).toBe(401);
        },
      ),
      { numRuns: 500 },
    );
  }, 120000);

  it('never answers 5xx to hostile JSON bodies', async () => {
    const jsonish = fc.oneof(
      fc.json().map((text) => ({ text, type: 'application/json' })),
      fc.stringMatching(/^[\x20-\x7e]{0,300}$/).map((text) => ({ text, type: 'application/json' })),
      fc.constant({ text: '{"theme":"PRO"'.repeat(8000), type: 'application/json' }),
      fc.jsonValue().map((v) => ({ text: JSON.stringify({ vehicle: v, theme: 'LITE' }), type: 'application/json' })),
      fc.string().map((text) => ({ text, type: 'text/plain' })),
    );
    const paths = fc.constantFrom('/v1/sessions', `/v1/capture/${sessionKey}/manual`, `/v1/capture/${sessionKey}/skip`);
    await fc.assert(
      fc.asyncProperty(jsonish, paths, async (body, path) => {
        const sent = {
          method: 'POST',
          path,
          headers: { ...authHeaders(credentials, new Date()), ...captureHeaders, 'content-type': body.type },
          body: body.text,
        };
        const answer = await sendRaw(server.baseUrl, sent);
        expectSane(answer, sent);
      }),
      { numRuns: 500 },
    );
  }, 120000);

  it('refuses hostile multipart bodies and image bytes without a 5xx', async () => {
    const part = fc.record({
      name: fc.constantFrom('image', 'file', 'image"; filename="../../x', ''),
      filename: fc.constantFrom('a.jpg', '../../etc/passwd', '', 'x'.repeat(300)),
      type: fc.constantFrom('image/jpeg', 'text/plain', 'application/octet-stream'),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 2000 }),
        fc.uint8Array({ maxLength: 500 }).map((tail) => Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...tail])),
        fc
          .uint8Array({ maxLength: 500 })
          .map((tail) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail])),
        fc
          .uint8Array({ maxLength: 500 })
          .map((tail) => Uint8Array.from([...Buffer.from('RIFF\0\0\0\0WEBPVP8 '), ...tail])),
      ),
    });
    const boundary = fc.constantFrom('XyZ', 'a'.repeat(70), '--');
    await fc.assert(
      fc.asyncProperty(part, boundary, fc.integer({ min: 1, max: 14 }), fc.boolean(), async (p, b, code, truncate) => {
        const head = `--${b}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`;
        const whole = Buffer.concat([Buffer.from(head), Buffer.from(p.bytes), Buffer.from(`\r\n--${b}--\r\n`)]);
        const body = truncate ? whole.subarray(0, Math.floor(whole.length / 2)) : whole;
        const sent = {
          method: 'POST',
          path: `/v1/capture/${sessionKey}/photos/${code}`,
          headers: { ...captureHeaders, 'content-type': `multipart/form-data; boundary=${b}` },
          body,
        };
        expectSane(await sendRaw(server.baseUrl, sent), sent);
      }),
      { numRuns: 400 },
    );
  }, 180000);

  it('still answers correctly afterwards', async () => {
    const health = await sendRaw(server.baseUrl, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    const photos = await sendRaw(server.baseUrl, {
      method: 'GET',
      path: `/v1/sessions/${sessionKey}/photos`,
      headers: authHeaders(credentials, new Date()),
    });
    expect(photos.status).toBe(200);
    expect(Array.isArray(JSON.parse(photos.body))).toBe(true);
  });
});
