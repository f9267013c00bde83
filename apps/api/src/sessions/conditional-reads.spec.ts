// Conditional GETs: every read of a session (the session, its photos on the fast path and through Express, its
// progress, notes and results, the capture state) carries an ETag; If-None-Match with it answers 304 with no body, and the 200 answers
// are the very bytes `res.json` sends (PAVE's routes byte for byte: only the ETag header is new).
import { SessionKey } from '@pave/domain';
import { captureTokenHeaders } from '../testing/capture-requests.js';
import { call } from '../testing/http-call.js';
import { seedSampleAttempts } from '../testing/sample-attempts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachStorage } from '../testing/test-storage.js';

const start = new Date('2026-03-01T10:00:00Z');

describeEachStorage('conditional GETs', (kind) => {
  let app: TestApp;
  let expressOnly: TestServer;
  let key: string;
  let captureUrl: string;

  beforeEach(async () => {
    app = await startTestApp(kind.create, start);
    // the same storage served by Express alone: the photos route there is the one HEAD and the fast path mirror
    expressOnly = await startTestServer(app.repo, {
      now: app.clock.read,
      publicBaseUrl: app.server.baseUrl,
      expressOnly: true,
    });
    const created = await call(app.server.baseUrl, 'POST', '/v1/sessions', { credentials: app.acme, at: start });
    ({ session_key: key, capture_url: captureUrl } = created.json as { session_key: string; capture_url: string });
  });
  afterEach(async () => {
    await expressOnly.close();
    await stopTestApp(app);
  });

  // the capture state needs the capture link's token; the other reads ignore the header
  const get = (path: string, headers: Record<string, string> = {}, server = app.server) =>
    call(server.baseUrl, 'GET', path, {
      credentials: app.acme,
      at: start,
      headers: { ...captureTokenHeaders(captureUrl), ...headers },
    });
  const seed = async () => {
    const row = await app.repo.sessions.findByKey(SessionKey.parse(key), 'any');
    if (!row) throw new Error('the session just created is missing');
    await seedSampleAttempts(app.repo, row.id);
  };

  const reads: [string, () => string][] = [
    ['GET /v1/sessions/:key', () => `/v1/sessions/${key}`],
    ['GET /v1/sessions/:key/photos', () => `/v1/sessions/${key}/photos`],
    ['GET /v1/sessions/:key/progress', () => `/v1/sessions/${key}/progress`],
    ['GET /v1/capture/:key', () => `/v1/capture/${key}`],
  ];

  it.each(reads)('%s: a quoted ETag; If-None-Match with it is a 304 without a body', async (_route, path) => {
    const first = await get(path());
    const tag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get(path(), { 'If-None-Match': tag ?? '' });
    expect([again.status, again.text, again.headers.get('etag'), again.headers.get('content-type')]).toEqual([
      304,
      '',
      tag,
      null,
    ]);
    // a list naming it, and the weak form of it, match too (RFC 9110's weak comparison); `*` matches any
    for (const header of [`"other", ${tag}`, `W/${tag}`, '*'])
      expect((await get(path(), { 'If-None-Match': header })).status).toBe(304);
  });

  it.each(reads)('%s: 200 with the same bytes as without the header when the tag is stale', async (_route, path) => {
    const before = await get(path());
    await seed();
    const after = await get(path(), { 'If-None-Match': before.headers.get('etag') ?? '' });
    const plain = await get(path());
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect([after.text, after.headers.get('etag')]).toEqual([plain.text, plain.headers.get('etag')]);
    // exactly what Express's res.json sends: JSON.stringify of the answer, with its length
    expect(after.text).toBe(JSON.stringify(after.json));
    expect(after.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(after.headers.get('content-length')).toBe(String(Buffer.byteLength(after.text)));
  });

  it('tags the notes and the results as well: 304 while unchanged, a new tag once a note is added', async () => {
    await seed();
    const row = await app.repo.sessions.findByKey(SessionKey.parse(key), 'any');
    if (!row) throw new Error('the session just created is missing');
    await app.repo.sessions.updateStatus({ sessionId: row.id, from: row.status, to: 'COMPLETE', at: start.getTime() });
    const notesPath = `/v1/sessions/${key}/notes`;
    const tags = [];
    for (const path of [notesPath, `/v1/sessions/${key}/results`]) {
      const first = await get(path);
      const tag = first.headers.get('etag') ?? '';
      expect([first.status, tag]).toEqual([200, expect.stringMatching(/^"[A-Za-z0-9_-]{27}"$/)]);
      expect((await get(path, { 'If-None-Match': tag })).status).toBe(304);
      tags.push(tag);
    }
    await call(app.server.baseUrl, 'POST', notesPath, { credentials: app.acme, at: start, json: { note: 'Checked' } });
    const after = await get(notesPath, { 'If-None-Match': tags[0] ?? '' });
    expect([after.status, after.json]).toEqual([200, [expect.objectContaining({ note: 'Checked' })]]);
  });

  it('answers photos the same on the fast path and through Express, 200 and 304 alike', async () => {
    await seed();
    const path = `/v1/sessions/${key}/photos`;
    const fast = await get(path);
    const slow = await get(path, {}, expressOnly);
    expect([fast.text, fast.headers.get('etag')]).toEqual([slow.text, slow.headers.get('etag')]);
    const headers = { 'If-None-Match': fast.headers.get('etag') ?? '' };
    expect((await get(path, headers)).status).toBe(304);
    expect((await get(path, headers, expressOnly)).status).toBe(304);
  });

  it('sends no ETag with refusals, and a 404 stays a 404 whatever If-None-Match says', async () => {
    const answer = await get('/v1/sessions/ACM-0000000000/photos', { 'If-None-Match': '*' });
    expect([answer.status, answer.headers.get('etag')]).toEqual([404, null]);
  });
});
