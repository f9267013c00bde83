// The live event routes driven through @pave/client, on each storage: changes made through the API arrive on the
// streams in order, a dropped connection resumes without losing or repeating an event, a terminal session ends its
// stream, the account stream follows every session, and the caps answer 429.
import { createPaveClient, PaveNotFoundError, type PaveClient, type StreamState } from '@pave/client';
import { streamEndEvent, type LiveEvent, type SessionKey } from '@pave/domain';
import type { Repository } from '../storage/repository.js';
import { call } from '../testing/http-call.js';
import { authHeaders, createTestAccount } from '../testing/test-accounts.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';
import { createStreamHub } from './stream-hub.js';

const vin = '1HGCM82633A004352';
const quick = { reconnectDelayMs: 5, maxReconnectDelayMs: 50 };

/** Reads `count` events from a live iterator (then stops it), failing after `timeoutMs`. */
async function take(events: AsyncGenerator<LiveEvent, void>, count: number, timeoutMs = 10_000): Promise<LiveEvent[]> {
  const taken: LiveEvent[] = [];
  const timer = setTimeout(() => void events.return(), timeoutMs);
  try {
    for await (const event of events) {
      taken.push(event);
      if (taken.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
  }
  if (taken.length < count) throw new Error(`only ${taken.length} of ${count} events within ${timeoutMs} ms`);
  return taken;
}

const summary = (events: readonly LiveEvent[]) =>
  events.map(({ id, body }) => [
    id,
    body.event,
    'status' in body ? body.status : 'photo_code' in body ? body.photo_code : null,
  ]);

/** Where, in `bytes`, the `count`-th blank line (`\n\n`) ends, counting `seen` already; -1 when not in them. */
function endOfMessage(bytes: Uint8Array, state: { seen: number; previous: number }, count: number): number {
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 10 && state.previous === 10) state.seen += 1;
    state.previous = byte;
    if (state.seen === count) return index + 1;
  }
  return -1;
}

/**
 * A fetch that cuts every event-stream answer right after its first event (the second message: `retry:` comes
 * first), as a dropped connection would, so that the client must reconnect and resume.
 */
function cuttingFetch() {
  const connections: (string | null)[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) return response;
    connections.push(new Headers(init?.headers).get('Last-Event-ID'));
    const reader = response.body.getReader();
    const state = { seen: 0, previous: 0 };
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const cut = endOfMessage(value, state, 2);
        if (cut < 0) return controller.enqueue(value);
        controller.enqueue(value.subarray(0, cut));
        await reader.cancel();
        controller.error(new TypeError('terminated'));
      },
      cancel: () => reader.cancel(),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch, connections };
}

describeEachStorage('live event streams', (kind) => {
  let storage: TestStorage;
  let repo: Repository;
  let server: TestServer;
  let pave: PaveClient;
  let credentials: { username: string; apiKey: string; apiSecret: string };

  const clientWith = (options: { fetch?: typeof globalThis.fetch } = {}) =>
    createPaveClient({ baseUrl: server.baseUrl, ...credentials, retry: { limit: 0 }, ...options });

  beforeEach(async () => {
    storage = await kind.create();
    repo = await storage.open();
    server = await startTestServer(repo, {
      live: { hub: createStreamHub(repo.notices, { perAccount: 3, perInstance: 10 }), heartbeatMs: 60_000 },
    });
    credentials = (await createTestAccount(repo, 'acme')).credentials;
    pave = clientWith();
  });
  afterEach(async () => {
    await server.close();
    await repo.close();
    await storage.destroy();
  });

  const captureOf = async (key: string) => pave.capture((await pave.sessions.get(key)).capture_url);
  const expire = async (key: SessionKey) => {
    const row = await repo.sessions.findByKey(key, 'any');
    if (!row) throw new Error('session missing');
    await repo.sessions.updateStatus({ sessionId: row.id, from: row.status, to: 'EXPIRED', at: Date.now() });
  };

  it("streams a session's events in order as they are recorded, and ends once the session is terminal", async () => {
    const { session_key: key } = await pave.sessions.create();
    const states: StreamState[] = [];
    const stream = pave.sessions.events(key, { ...quick, onState: (state) => states.push(state) });
    const first = stream.next();
    await (await captureOf(key)).start();
    expect(summary([(await first).value as LiveEvent])).toEqual([['1', 'SESSION:STATUS_CHANGE', 'STARTED']]);
    await (await captureOf(key)).manual({ photo_code: 1, value: vin });
    await expire(key);
    const rest: LiveEvent[] = [];
    for await (const event of stream) rest.push(event);
    expect(summary(rest)).toEqual([
      ['2', 'SESSION:STAGE_CHANGE', 1],
      ['3', 'SESSION:STATUS_CHANGE', 'PROCESS'],
      ['4', 'SESSION:STATUS_CHANGE', 'EXPIRED'],
    ]);
    expect(rest[0]?.body).toMatchObject({ session_key: key, seq: 2, photo_status: 'ACCEPTED', message: null });
    expect(states).toEqual(['connecting', 'open', 'closed']);
  });

  it('resumes after dropped connections without losing or repeating an event', async () => {
    const { session_key: key } = await pave.sessions.create();
    await (await captureOf(key)).start();
    await (await captureOf(key)).manual({ photo_code: 1, value: vin });
    await (await captureOf(key)).manual({ photo_code: 3, value: '12345' });
    // every connection is cut after one event
    const { fetch, connections } = cuttingFetch();
    const stream = clientWith({ fetch }).sessions.events(key, quick);
    const early = await take(stream, 2);
    await expire(key);
    const late: LiveEvent[] = [];
    for await (const event of clientWith({ fetch }).sessions.events(key, { ...quick, lastEventId: early.at(-1)?.id }))
      late.push(event);
    const ids = [...early, ...late].map((event) => Number(event.id));
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect([...early, ...late].map((event) => event.body.seq)).toEqual(ids);
    // it did reconnect, each time after the last event it had
    expect(connections).toEqual([null, '1', '2', '3', '4', '5']);
  });

  it('answers a finished session with its events and STREAM:END at once, and resumes past the end to the end', async () => {
    const { session_key: key } = await pave.sessions.create();
    await expire(key);
    const all: LiveEvent[] = [];
    for await (const event of pave.sessions.events(key, quick)) all.push(event);
    expect(summary(all)).toEqual([['1', 'SESSION:STATUS_CHANGE', 'EXPIRED']]);
    const raw = await call(server.baseUrl, 'GET', `/v1/sessions/${key}/events`, {
      credentials,
      headers: { 'Last-Event-ID': '1' },
    });
    expect(raw.text).toBe(
      `retry: 1000\n\nid: 1\nevent: ${streamEndEvent}\ndata: {"reason":"session_terminal","status":"EXPIRED"}\n\n`,
    );
  });

  it('follows every session of the account from now on, in the order they were recorded', async () => {
    const before = await pave.sessions.create();
    await (await captureOf(before.session_key)).start();
    let opened: () => void = () => undefined;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const account = pave.sessions.allEvents({ ...quick, onState: (state) => state === 'open' && opened() });
    const reading = take(account, 3);
    // changes from before the stream began are not sent
    await isOpen;
    const a = await pave.sessions.create();
    const b = await pave.sessions.create();
    await (await captureOf(a.session_key)).start();
    await (await captureOf(b.session_key)).start();
    await (await captureOf(a.session_key)).manual({ photo_code: 1, value: vin });
    const events = await reading;
    expect(events.map((event) => [event.body.session_key, event.body.event])).toEqual([
      [a.session_key, 'SESSION:STATUS_CHANGE'],
      [b.session_key, 'SESSION:STATUS_CHANGE'],
      [a.session_key, 'SESSION:STAGE_CHANGE'],
    ]);
    const ids = events.map((event) => Number(event.id));
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    // resuming after the first: the other two, no more
    const resumed = await take(pave.sessions.allEvents({ ...quick, lastEventId: events[0]?.id }), 2);
    expect(resumed.map((event) => event.id)).toEqual(events.slice(1).map((event) => event.id));
  });

  it("sends heartbeats, and refuses another account's session, a bad Last-Event-ID and no credentials", async () => {
    const { session_key: key } = await pave.sessions.create();
    const controller = new AbortController();
    const beating = await startTestServer(repo, {
      live: { hub: createStreamHub(repo.notices, { perAccount: 1, perInstance: 1 }), heartbeatMs: 50 },
    });
    const response = await fetch(`${beating.baseUrl}/v1/sessions/${key}/events`, {
      headers: authHeaders(credentials, new Date()),
      signal: controller.signal,
    });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const reader = response.body?.getReader();
    let text = '';
    while (!text.includes(': heartbeat')) text += new TextDecoder().decode((await reader?.read())?.value);
    controller.abort();
    await beating.close();
    const stranger = (await createTestAccount(repo, 'other')).credentials;
    await expect(
      take(createPaveClient({ baseUrl: server.baseUrl, ...stranger }).sessions.events(key, quick), 1),
    ).rejects.toBeInstanceOf(PaveNotFoundError);
    const bad = await call(server.baseUrl, 'GET', `/v1/sessions/${key}/events`, {
      credentials,
      headers: { 'Last-Event-ID': 'abc' },
    });
    expect([bad.status, bad.json]).toEqual([400, expect.objectContaining({ code: 'invalid_request' })]);
    expect((await call(server.baseUrl, 'GET', '/v1/events')).status).toBe(401);
  });

  it('caps the streams of an account (429 with Retry-After) and admits again once one closes', async () => {
    const { session_key: key } = await pave.sessions.create();
    const controllers = [new AbortController(), new AbortController(), new AbortController()] as const;
    const [first, second, third] = controllers.map((controller) => ({ ...quick, signal: controller.signal }));
    if (!first || !second || !third) throw new Error('invariant: three controllers');
    const openings: Promise<void>[] = [];
    const whenOpen = <T extends object>(options: T) => {
      let resolve: () => void = () => undefined;
      openings.push(new Promise<void>((done) => (resolve = done)));
      return { ...options, onState: (state: StreamState) => state === 'open' && resolve() };
    };
    const open = [
      pave.sessions.allEvents(whenOpen(first)),
      pave.sessions.events(key, whenOpen(second)),
      pave.sessions.allEvents(whenOpen(third)),
    ];
    const waiting = open.map((stream) => stream.next().catch((error: unknown) => error));
    await Promise.all(openings);
    const refused = await call(server.baseUrl, 'GET', '/v1/events', { credentials });
    expect([refused.status, refused.headers.get('retry-after'), refused.json]).toEqual([
      429,
      '5',
      expect.objectContaining({ code: 'rate_limited', message: expect.stringContaining('for this account') }),
    ]);
    controllers[0]?.abort(new Error('closed'));
    await waiting[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
    let opened: () => void = () => undefined;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const admitted = pave.sessions.allEvents({ ...quick, onState: (state) => state === 'open' && opened() });
    const next = admitted.next();
    // an account's stream starts with the events recorded once it is open
    await isOpen;
    await (await captureOf(key)).start();
    expect(((await next).value as LiveEvent).body.event).toBe('SESSION:STATUS_CHANGE');
    for (const controller of controllers) controller.abort(new Error('closed'));
    await Promise.all([admitted.return(), ...waiting]);
  });
});
