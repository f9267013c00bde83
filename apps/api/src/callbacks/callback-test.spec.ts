import { createPaveClient, verifyWebhook, type PaveClient } from '@pave/client';
import { callbackTestsPerMinute, testEventSessionKey, type CallbackEvent } from '@pave/domain';
import { createTestPerson, signInTestBrowser } from '../testing/test-people.js';
import { call } from '../testing/http-call.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { startTestReceiver, type TestReceiver } from '../testing/test-receiver.js';
import { describeEachStorage } from '../testing/test-storage.js';

// Test sends end to end: a real server, a real receiver that verifies what it gets, on each storage.

const start = new Date('2026-03-01T10:00:00Z');

describeEachStorage('POST /v1/callbacks/:event/test', (kind) => {
  let app: TestApp;
  let pave: PaveClient;
  let receiver: TestReceiver;

  async function startApp(allowPrivate: boolean): Promise<void> {
    app = await startTestApp(kind.create, start, { server: { webhookAllowPrivate: allowPrivate } });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  }

  async function accountId(): Promise<number> {
    return (await app.repo.accounts.findByApiKey(app.acme.apiKey))?.id ?? 0;
  }

  beforeEach(async () => {
    receiver = await startTestReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    await stopTestApp(app);
  });

  describe('with private receivers allowed', () => {
    beforeEach(() => startApp(true));

    it.each([
      'SESSION:STAGE_CHANGE',
      'SESSION:STATUS_CHANGE',
      'SESSION:COMPLETE',
      'SESSION:NOTE_INSERT',
    ] as const satisfies readonly CallbackEvent[])(
      'sends one signed %s test event that verifies, and answers the outcome',
      async (event) => {
        await pave.callbacks.create({ event, url: receiver.url, headers: { 'X-Dealer': 'north' }, payload: { d: 7 } });
        const { secret } = await pave.callbacks.signingSecret();

        const outcome = await pave.callbacks.test(event);

        expect(outcome).toMatchObject({
          event,
          url: receiver.url,
          delivered: true,
          status_code: 200,
          error: null,
          session_key: testEventSessionKey,
          sent_at: '2026-03-01T10:00:00+00:00',
        });
        expect(outcome.webhook_id).toMatch(/^msg_test_[0-9a-f]{24}$/);
        const [received] = receiver.received;
        expect(receiver.received).toHaveLength(1);
        expect([received?.headers['webhook-id'], received?.headers['x-dealer']]).toEqual([outcome.webhook_id, 'north']);
        const verified = await verifyWebhook(received?.body ?? '', received?.headers ?? {}, secret, { now: start });
        if (!verified.ok) throw new Error(`not verified: ${verified.error.code}`);
        expect(verified.value).toMatchObject({ event, seq: 1, test: true, d: 7 });
      },
    );

    it('answers a receiver’s 500 as an outcome, retries nothing and logs no delivery', async () => {
      receiver.status = 500;
      await pave.callbacks.create({ event: 'SESSION:COMPLETE', url: receiver.url });

      const outcome = await pave.callbacks.test('SESSION:COMPLETE');

      expect(outcome).toMatchObject({ delivered: false, status_code: 500, error: 'answered 500' });
      expect((await pave.callbacks.deliveries()).data).toEqual([]);
      expect(receiver.received).toHaveLength(1);
      const audit = await app.repo.audit.list(await accountId(), null, 10);
      expect(audit.map((entry) => [entry.action, entry.target, entry.detail])).toEqual([
        ['callback.test', 'SESSION:COMPLETE', expect.stringMatching(/^HTTP 500 in \d+ ms$/)],
      ]);
    });

    it('answers 404 for an event without callback, and for an unknown event', async () => {
      expect(
        (
          await call(app.server.baseUrl, 'POST', '/v1/callbacks/SESSION:COMPLETE/test', {
            credentials: app.acme,
            at: app.clock.now,
          })
        ).json,
      ).toEqual({
        message: 'Your API Key does not have callback setting for the event SESSION:COMPLETE.',
        code: 'not_found',
      });
      const unknown = await call(app.server.baseUrl, 'POST', '/v1/callbacks/NOPE/test', {
        credentials: app.acme,
        at: app.clock.now,
      });
      expect(unknown.status).toBe(404);
    });

    it(`allows ${callbackTestsPerMinute} test sends per account and minute, then 429 with Retry-After`, async () => {
      await pave.callbacks.create({ event: 'SESSION:COMPLETE', url: receiver.url });
      for (let sent = 0; sent < callbackTestsPerMinute; sent += 1) await pave.callbacks.test('SESSION:COMPLETE');
      const path = '/v1/callbacks/SESSION:COMPLETE/test';

      const refused = await call(app.server.baseUrl, 'POST', path, { credentials: app.acme, at: app.clock.now });

      expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '60']);
      expect(refused.json).toEqual({
        message: `At most ${callbackTestsPerMinute} test sends per minute for this account; retry in 60 s.`,
        code: 'rate_limited',
      });
      expect(receiver.received).toHaveLength(callbackTestsPerMinute);
      app.clock.now = new Date(start.getTime() + 60_000);
      const next = await call(app.server.baseUrl, 'POST', path, { credentials: app.acme, at: app.clock.now });
      expect(next.status).toBe(200);
    });

    it('is for admins: a signed-in reviewer gets 403, an admin gets the outcome', async () => {
      await pave.callbacks.create({ event: 'SESSION:COMPLETE', url: receiver.url });
      const id = await accountId();
      const reviewer = { email: 'rita@example.test', password: 'correct horse battery', role: 'reviewer' } as const;
      const admin = { email: 'ada@example.test', password: 'correct horse battery', role: 'admin' } as const;
      await createTestPerson(app.repo, id, reviewer);
      await createTestPerson(app.repo, id, admin);

      const asReviewer = await signInTestBrowser(app.server.baseUrl, reviewer);
      await expect(asReviewer.client.callbacks.test('SESSION:COMPLETE')).rejects.toMatchObject({
        status: 403,
        message: 'Your role (reviewer) may not do this: it needs the admin role.',
      });
      const asAdmin = await signInTestBrowser(app.server.baseUrl, admin);
      expect(await asAdmin.client.callbacks.test('SESSION:COMPLETE')).toMatchObject({ delivered: true });
    });
  });

  it('refuses, as an outcome, a receiver on a loopback address when private ones are not allowed', async () => {
    await startApp(false);
    // saved while the address was public; the send checks again (a name can resolve elsewhere since)
    await app.repo.callbacks.save(
      {
        accountId: await accountId(),
        event: 'SESSION:COMPLETE',
        url: receiver.url,
        method: 'POST',
        headers: {},
        payload: {},
      },
      start.getTime(),
    );

    const outcome = await pave.callbacks.test('SESSION:COMPLETE');

    expect(outcome).toMatchObject({ delivered: false, status_code: null, latency_ms: 0 });
    expect(outcome.error).toBe('127.0.0.1 resolves to 127.0.0.1, a loopback, private, link-local or metadata address');
    expect(receiver.received).toHaveLength(0);
  });
});
