import { createPaveClient, type CaptureClient, type PaveClient } from '@pave/client';
import {
  CompleteEvent,
  WebhookEventBody,
  callbackEvents,
  exteriorCodes,
  type DeliveryList,
  type SessionKey,
} from '@pave/domain';
import { Webhook } from 'standardwebhooks';
import { createLogger } from '../logger.js';
import { captureWholeSession } from '../testing/scripted-capture.js';
import { call } from '../testing/http-call.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { testSecretBox } from '../testing/test-secret-box.js';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from '../testing/test-receiver.js';
import { describeEachStorage } from '../testing/test-storage.js';
import { startDispatcher, type Dispatcher, type DispatcherSettings } from './dispatcher.js';

// Webhooks end to end: a real server, a real receiver on another port, the dispatcher in between, on each storage.

const start = new Date('2026-03-01T10:00:00Z');
const fast: DispatcherSettings = {
  retrySchedule: [0.3, 0.6],
  allowPrivate: true,
  timeoutMs: 2000,
  leaseMs: 5000,
  concurrency: 8,
  perHost: 4,
  pollMs: 50,
};

/** Asks `read` again until `done` holds of its answer (or 10 s passed), and returns the last answer. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

function headersOf(webhook: ReceivedWebhook): Record<string, string> {
  return Object.fromEntries(Object.entries(webhook.headers).map(([name, value]) => [name, String(value)]));
}

describeEachStorage('webhook delivery', (kind) => {
  let app: TestApp;
  let pave: PaveClient;
  let receiver: TestReceiver;
  let dispatcher: Dispatcher;
  let secret: string;
  const as = (method: string, path: string, json?: unknown) =>
    call(app.server.baseUrl, method, path, {
      credentials: app.acme,
      at: app.clock.now,
      ...(json === undefined ? {} : { json }),
    });

  beforeEach(async () => {
    app = await startTestApp(kind.create, start, { server: { webhookAllowPrivate: true } });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
    receiver = await startTestReceiver();
    for (const event of callbackEvents) {
      const saved = await as('POST', '/v1/callbacks', {
        event,
        url: receiver.url,
        headers: { 'X-Dealer': 'north' },
        payload: { dealer_id: 17, seq: 'not ours' },
      });
      expect(saved.status).toBe(200);
    }
    secret = ((await as('GET', '/v1/callbacks/signing-secret')).json as { secret: string }).secret;
    dispatcher = startDispatcher({
      repo: app.repo,
      logger: createLogger('silent'),
      secretBox: testSecretBox,
      settings: fast,
    });
  });
  afterEach(async () => {
    await dispatcher.stop();
    await receiver.close();
    await stopTestApp(app);
  });

  /** A new session and the capture client of its link. */
  async function newSession(): Promise<{ key: SessionKey; link: CaptureClient }> {
    const session = await pave.sessions.create({});
    return { key: session.session_key, link: pave.capture(session.capture_url) };
  }

  async function deliveries(query = ''): Promise<DeliveryList> {
    return (await as('GET', `/v1/callbacks/deliveries${query}`)).json as DeliveryList;
  }

  it('delivers every event of a scripted capture, signed, in seq order per session, with the custom parts', async () => {
    const { link } = await newSession();
    expect((await captureWholeSession(link, 2000)).status).toBe('COMPLETE');
    // start, 2 typed values, 3 photos, 8 skips, and 4 status changes (STARTED, PROCESS, QC_PASSED, COMPLETE)
    const expected = 1 + 2 + 3 + 8 + 3 + 1;
    const received = await receiver.waitFor(expected);
    const verifier = new Webhook(secret);
    const bodies = received.map((webhook) => {
      expect(webhook.headers['x-dealer']).toBe('north');
      return WebhookEventBody.parse(verifier.verify(webhook.body, headersOf(webhook)));
    });
    bodies.sort((a, b) => a.seq - b.seq);
    expect(bodies.map((body) => body.seq)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    expect(new Set(received.map((webhook) => webhook.headers['webhook-id'])).size).toBe(expected);
    expect(bodies.every((body) => body['dealer_id'] === 17)).toBe(true);
    const statuses = bodies.flatMap((body) => (body.event === 'SESSION:STATUS_CHANGE' ? [body.status] : []));
    expect(statuses).toEqual(['STARTED', 'PROCESS', 'QC_PASSED', 'COMPLETE']);
    const stages = bodies.flatMap((body) => (body.event === 'SESSION:STAGE_CHANGE' ? [body] : []));
    expect(stages.map((stage) => [stage.photo_code, stage.photo_status, stage.message])).toEqual([
      [1, 'ACCEPTED', null],
      [3, 'ACCEPTED', null],
      [2, 'ACCEPTED', null],
      [9, 'ACCEPTED', null],
      [6, 'ACCEPTED', null],
      ...exteriorCodes.map((code) => [code, 'REJECTED', 'Skipped']),
    ]);
    const complete = CompleteEvent.parse(bodies.at(-1));
    expect([complete.session.status, complete.photos.length, complete.session.source.properties.api_name]).toEqual([
      'COMPLETE',
      13,
      'acme',
    ]);
    const delivered = await eventually(
      () => deliveries('?state=delivered&limit=100'),
      (list) => list.data.length === expected,
    );
    expect(delivered.data).toHaveLength(expected);
  });

  it('keeps every event while the receiver is down, and delivers them all once it is back', async () => {
    await receiver.down();
    const sessions = [await newSession(), await newSession(), await newSession()];
    for (const session of sessions) await session.link.start();
    const keys = sessions.map((session) => session.key);
    const pending = await eventually(
      () => deliveries('?state=pending'),
      (list) => list.data.length === 3 && list.data.every((d) => d.attempts.length > 0),
    );
    expect(pending.data.map((d) => d.attempts[0]?.status_code)).toEqual([null, null, null]);
    await receiver.up();
    const received = await receiver.waitFor(3);
    const delivered = received.map((webhook) => (JSON.parse(webhook.body) as { session_key: string }).session_key);
    expect(delivered.sort()).toEqual([...keys].sort());
  });

  it('retries a receiver answering 500 on the schedule, then fails, and delivers again on redeliver', async () => {
    receiver.status = 500;
    const { key, link } = await newSession();
    await link.start();
    await receiver.waitFor(3);
    const failed = await eventually(
      () => deliveries(`?session_key=${key}&state=failed`),
      (list) => list.data.length > 0,
    );
    const [delivery] = failed.data;
    expect(delivery?.attempts.map((attempt) => [attempt.status_code, attempt.error])).toEqual([
      [500, 'answered 500'],
      [500, 'answered 500'],
      [500, 'answered 500'],
    ]);
    expect(new Set(receiver.received.map((webhook) => webhook.headers['webhook-id'])).size).toBe(1);
    expect(receiver.received).toHaveLength(3);
    const [first, second, third] = receiver.received.map((webhook) => webhook.at);
    // the schedule is 0.3 s then 0.6 s, each spread by at most 10 %
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(270);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(540);
    receiver.status = 204;
    const again = await as('POST', `/v1/callbacks/deliveries/${delivery?.id}/redeliver`);
    expect([again.status, (again.json as { state: string }).state]).toEqual([200, 'pending']);
    await receiver.waitFor(4);
    const [delivered] = (
      await eventually(
        () => deliveries('?state=delivered'),
        (list) => list.data.length > 0,
      )
    ).data;
    expect(delivered?.attempts.map((attempt) => attempt.status_code)).toEqual([500, 500, 500, 204]);
    expect(receiver.received[3]?.headers['webhook-id']).toBe(receiver.received[0]?.headers['webhook-id']);
  });

  it('refuses, when sending, a receiver that resolves to a loopback address unless private ones are allowed', async () => {
    await dispatcher.stop();
    dispatcher = startDispatcher({
      repo: app.repo,
      logger: createLogger('silent'),
      secretBox: testSecretBox,
      settings: { ...fast, allowPrivate: false, retrySchedule: [] },
    });
    await (await newSession()).link.start();
    const failed = await eventually(
      () => deliveries('?state=failed'),
      (list) => list.data.length > 0,
    );
    expect(failed.data[0]?.attempts[0]?.error).toMatch(
      /^127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback, private, link-local or metadata address$/,
    );
    expect(receiver.received).toHaveLength(0);
  });

  it('marks a delivery whose callback was removed as failed, saying why', async () => {
    await receiver.down();
    await dispatcher.stop();
    await (await newSession()).link.start();
    await as('DELETE', '/v1/callbacks/SESSION:STATUS_CHANGE');
    dispatcher = startDispatcher({
      repo: app.repo,
      logger: createLogger('silent'),
      secretBox: testSecretBox,
      settings: fast,
    });
    const failed = await eventually(
      () => deliveries('?state=failed'),
      (list) => list.data.length > 0,
    );
    expect(failed.data[0]?.attempts[0]?.error).toBe('the callback was removed');
  });
});
