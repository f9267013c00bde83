// A capture link's token is a secret: storage keeps its hash and a sealed copy, never the token itself. A capture
// taken to COMPLETE (with callbacks, notes, an update, an invalidation and live streams on the way) leaves the token
// in no row of any table, no log line and (SQLite) no byte of the database files, on each storage; callbacks and
// signed streams still carry the whole link, a viewer's stream the link without its token.
import { createPaveClient, type PaveClient } from '@pave/client';
import {
  CompleteEvent,
  WebhookEventBody,
  callbackEvents,
  parseCaptureUrl,
  type LiveEvent,
  type Session,
} from '@pave/domain';
import { Writable } from 'node:stream';
import { Webhook } from 'standardwebhooks';
import { startDispatcher, type Dispatcher } from '../callbacks/dispatcher.js';
import { createLogger } from '../logger.js';
import { captureWholeSession } from '../testing/scripted-capture.js';
import { call } from '../testing/http-call.js';
import { readSqliteFiles, tablesHolding } from '../testing/raw-storage.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { createTestPerson, signInTestBrowser, type TestPerson } from '../testing/test-people.js';
import { startTestReceiver, type TestReceiver } from '../testing/test-receiver.js';
import { testSecretBox } from '../testing/test-secret-box.js';
import { describeEachStorage } from '../testing/test-storage.js';

const start = new Date('2026-03-01T10:00:00Z');
const viewer: TestPerson = { email: 'vic@example.com', password: 'viewer password 123', role: 'viewer' };
const settings = {
  retrySchedule: [0.3],
  allowPrivate: true,
  timeoutMs: 2000,
  leaseMs: 5000,
  concurrency: 8,
  perHost: 4,
  pollMs: 50,
};

/** Every event of a stream up to the end of the session (the stream ends by itself once it is terminal). */
async function readAll(events: AsyncGenerator<LiveEvent, void>): Promise<LiveEvent[]> {
  const all: LiveEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** The `capture_url` of the `SESSION:COMPLETE` body among `events`. */
function completeLinkOf(events: readonly LiveEvent[]): string {
  return CompleteEvent.parse(events.find((event) => event.body.event === 'SESSION:COMPLETE')?.body).session.capture_url;
}

describeEachStorage('capture tokens at rest', (kind) => {
  let app: TestApp;
  let pave: PaveClient;
  let receiver: TestReceiver;
  let dispatcher: Dispatcher;
  const dispatcherLogs: string[] = [];

  beforeEach(async () => {
    app = await startTestApp(kind.create, start, { server: { webhookAllowPrivate: true } });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
    receiver = await startTestReceiver();
    for (const event of callbackEvents) await pave.callbacks.create({ event, url: receiver.url });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        dispatcherLogs.push(chunk.toString('utf8'));
        done();
      },
    });
    dispatcher = startDispatcher({
      repo: app.repo,
      logger: createLogger('debug', sink),
      secretBox: testSecretBox,
      settings,
    });
    const account = await app.repo.accounts.findByApiKey(app.acme.apiKey);
    await createTestPerson(app.repo, account?.id ?? -1, viewer);
  }, 30_000);
  afterEach(async () => {
    await dispatcher.stop();
    await receiver.close();
    await stopTestApp(app);
  });

  /** Takes a new session through a whole capture to COMPLETE, through its capture link. */
  async function completedSession(): Promise<Session> {
    const session = await pave.sessions.create({ session: { reference: { claim: 'C-17' } } });
    expect((await captureWholeSession(pave.capture(session.capture_url), 3000)).status).toBe('COMPLETE');
    return session;
  }

  it('stores the token nowhere, and still sends the whole link to callbacks and signed streams', async () => {
    const session = await completedSession();
    const key = session.session_key;
    const token = parseCaptureUrl(session.capture_url)?.token ?? '';
    const bare = `${app.server.baseUrl}/capture/${key}`;
    expect(session.capture_url).toBe(`${bare}#${token}`);
    await pave.sessions.notes.add(key, 'checked the photos');
    await pave.sessions.update(key, { session: { client_id: 'SOUTH234889' } });
    const other = await pave.sessions.create({});
    await pave.sessions.invalidate(other.session_key, 'wrong car');
    // 18 events of the capture (see webhook-delivery.spec), the note, the invalidation
    const received = await receiver.waitFor(20);

    const verifier = new Webhook((await pave.callbacks.signingSecret()).secret);
    const bodies = received.map((webhook) =>
      WebhookEventBody.parse(
        verifier.verify(
          webhook.body,
          Object.fromEntries(Object.entries(webhook.headers).map(([name, value]) => [name, String(value)])),
        ),
      ),
    );
    const delivered = CompleteEvent.parse(bodies.find((body) => body.event === 'SESSION:COMPLETE'));
    expect(delivered.session.capture_url).toBe(session.capture_url);
    expect((await pave.sessions.results(key)).session.capture_url).toBe(session.capture_url);
    expect(completeLinkOf(await readAll(pave.sessions.events(key)))).toBe(session.capture_url);
    const viewerBrowser = await signInTestBrowser(app.server.baseUrl, viewer);
    expect(completeLinkOf(await readAll(viewerBrowser.client.sessions.events(key)))).toBe(bare);
    const fromAccount: LiveEvent[] = [];
    for await (const event of pave.sessions.allEvents({ lastEventId: '0' })) {
      fromAccount.push(event);
      if (fromAccount.length === 20) break;
    }
    expect(completeLinkOf(fromAccount)).toBe(session.capture_url);
    // every try recorded before the tables are read
    for (let tries = 0; tries < 100; tries += 1) {
      const log = await call(app.server.baseUrl, 'GET', '/v1/callbacks/deliveries?state=delivered&limit=100', {
        credentials: app.acme,
        at: app.clock.now,
      });
      if ((log.json as { data: unknown[] }).data.length === 20) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(await tablesHolding(app.storage, token)).toEqual({});
    // the stored event keeps the link, without its token (the payload is JSON text inside the row's JSON)
    const storedLink = JSON.stringify(`"capture_url":"${bare}"`).slice(1, -1);
    expect(await tablesHolding(app.storage, storedLink)).toEqual({ session_events: 1 });
    expect([...app.server.logs, ...dispatcherLogs].filter((line) => line.includes(token))).toEqual([]);
    const files = readSqliteFiles(app.storage);
    expect(files.filter((bytes) => bytes.includes(token))).toEqual([]);
  }, 60_000);
});
