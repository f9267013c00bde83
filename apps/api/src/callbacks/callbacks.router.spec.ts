import { call } from '../testing/http-call.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { describeEachStorage } from '../testing/test-storage.js';

const start = new Date('2026-03-01T10:00:00Z');

describeEachStorage('/v1/callbacks', (kind) => {
  let app: TestApp;
  const as = (method: string, path: string, json?: unknown) =>
    call(app.server.baseUrl, method, path, {
      credentials: app.acme,
      at: app.clock.now,
      ...(json === undefined ? {} : { json }),
    });

  beforeEach(async () => {
    app = await startTestApp(kind.create, start, { server: { webhookAllowPrivate: false } });
  });
  afterEach(() => stopTestApp(app));

  const complete = { event: 'SESSION:COMPLETE', url: 'https://93.184.215.14/hooks/pave' };

  it('creates, lists, reads, updates and removes a callback with PAVE bodies and messages', async () => {
    const created = await as('POST', '/v1/callbacks', {
      ...complete,
      headers: { 'X-Token': 't' },
      payload: { dealer: 7 },
    });
    const saved = {
      event: 'SESSION:COMPLETE',
      url: complete.url,
      method: 'POST',
      headers: { 'X-Token': 't' },
      payload: { dealer: 7 },
    };
    expect([created.status, created.json]).toEqual([200, { api_key: app.acme.apiKey, ...saved }]);
    expect((await as('GET', '/v1/callbacks')).json).toEqual({ api_key: app.acme.apiKey, data: [saved] });
    expect((await as('GET', '/v1/callbacks/SESSION:COMPLETE')).json).toEqual({ api_key: app.acme.apiKey, data: saved });
    const updated = await as('PUT', '/v1/callbacks/SESSION:COMPLETE', { method: 'PUT' });
    expect(updated.json).toEqual({ api_key: app.acme.apiKey, ...saved, method: 'PUT' });
    const removed = await as('DELETE', '/v1/callbacks/SESSION%3ACOMPLETE');
    expect([removed.status, removed.json]).toEqual([
      200,
      { api_key: app.acme.apiKey, message: 'Callback setting SESSION:COMPLETE has been successfully removed.' },
    ]);
    expect((await as('GET', '/v1/callbacks')).json).toEqual({ api_key: app.acme.apiKey, data: [] });
  });

  it.each([
    ['GET', '/v1/callbacks/SESSION:NOTE_INSERT', 'SESSION:NOTE_INSERT'],
    ['PUT', '/v1/callbacks/SESSION:STAGE_CHANGE', 'SESSION:STAGE_CHANGE'],
    ['DELETE', '/v1/callbacks/NOT_AN_EVENT', 'NOT_AN_EVENT'],
  ])('answers %s %s for an event without callback with PAVE 404', async (method, path, event) => {
    const answer = await as(method, path, method === 'PUT' ? { url: complete.url } : undefined);
    expect([answer.status, answer.json]).toEqual([
      404,
      { api_key: app.acme.apiKey, message: `Your API Key does not have callback setting for the event ${event}.` },
    ]);
  });

  it.each([[{ url: complete.url }], [{ event: 'SESSION:COMPLETE' }], [{}]])(
    'refuses %p with "Missing required fields."',
    async (body) => {
      const answer = await as('POST', '/v1/callbacks', body);
      expect([answer.status, answer.json]).toEqual([400, { message: 'Missing required fields.' }]);
    },
  );

  it.each([
    'http://127.0.0.1:9/x',
    'http://169.254.169.254/latest',
    'http://[::1]/x',
    'http://localhost/x',
    'http://10.1.2.3/',
  ])('refuses the callback URL %s on a loopback, private or metadata address', async (url) => {
    const answer = await as('POST', '/v1/callbacks', { event: 'SESSION:COMPLETE', url });
    expect(answer.status).toBe(400);
    expect((answer.json as { message: string }).message).toMatch(/^Invalid url: /);
  });

  it('keeps callbacks per API key', async () => {
    await as('POST', '/v1/callbacks', complete);
    const { createTestAccount } = await import('../testing/test-accounts.js');
    const { credentials } = await createTestAccount(app.repo, 'other');
    const theirs = await call(app.server.baseUrl, 'GET', '/v1/callbacks', { credentials, at: app.clock.now });
    expect(theirs.json).toEqual({ api_key: credentials.apiKey, data: [] });
  });

  it('gives a whsec_ signing secret, stable until rotated; the previous one signs for 24 h more', async () => {
    const first = await as('GET', '/v1/callbacks/signing-secret');
    expect(first.json).toMatchObject({
      api_key: app.acme.apiKey,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      previous_expires_at: null,
    });
    expect((await as('GET', '/v1/callbacks/signing-secret')).json).toEqual(first.json);
    const account = await app.repo.accounts.findByApiKey(app.acme.apiKey);
    const stored = await app.repo.signingSecrets.ensure(account?.id ?? 0, () => 'unused', 0);
    expect(stored.secret).toMatch(/^pave1:/);
    const rotated = await as('POST', '/v1/callbacks/signing-secret/rotate');
    expect(rotated.json).toMatchObject({ previous_expires_at: '2026-03-02T10:00:00+00:00' });
    expect((rotated.json as { secret: string }).secret).not.toBe((first.json as { secret: string }).secret);
  });

  it('answers an unknown delivery with 404 and a bad filter with 400', async () => {
    expect((await as('POST', '/v1/callbacks/deliveries/12345/redeliver')).status).toBe(404);
    expect((await as('POST', '/v1/callbacks/deliveries/abc/redeliver')).status).toBe(404);
    expect((await as('GET', '/v1/callbacks/deliveries?state=lost')).status).toBe(400);
    expect((await as('GET', '/v1/callbacks/deliveries')).json).toEqual({ data: [], next_cursor: null });
  });

  it('needs credentials', async () => {
    expect((await call(app.server.baseUrl, 'GET', '/v1/callbacks')).status).toBe(401);
  });
});
