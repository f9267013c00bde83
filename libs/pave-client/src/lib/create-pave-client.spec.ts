import { CaptureState } from '@pave/domain';
import { buildPhoto, buildSession, samplePhotosFixture } from '@pave/domain/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { createCaptureClient } from './create-capture-client.js';
import { createPaveClient, type PaveClientOptions } from './create-pave-client.js';
import type { PaveRequestEvent, PaveResponseEvent } from './create-transport.js';
import {
  PaveApiError,
  PaveAuthError,
  PaveClientError,
  PaveNetworkError,
  PaveNotFoundError,
  PaveResponseError,
  PaveTimeoutError,
} from './pave-client-error.js';
import { fakeApiToken, headerOf, startFakePaveServer, type FakePaveServer } from '../testing.js';

const account = { username: 'demo', apiKey: 'ak_test_0f9e8d7c6b5a', apiSecret: 'sk_test_SECRET_5b4a39281706' };
const key = 'DEM-0123456789';
const captureToken = 'T'.repeat(43);

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

let server: FakePaveServer;

beforeAll(async () => {
  server = await startFakePaveServer(account);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function captureUrl(): string {
  return `${server.baseUrl}/capture/${key}#${captureToken}`;
}

function client(overrides: Partial<PaveClientOptions> = {}) {
  return createPaveClient({
    baseUrl: server.baseUrl,
    ...account,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
}

const photosPath = `/v1/sessions/${key}/photos`;
const sampleText = JSON.stringify(samplePhotosFixture);

describe('createPaveClient: sessions', () => {
  it('returns the seed sample from photos() unchanged, byte for byte', async () => {
    server.route(`GET ${photosPath}`, {
      status: 200,
      text: sampleText,
      headers: { 'content-type': 'application/json' },
    });

    const photos = await client().sessions.photos(key);

    expect(JSON.stringify(photos)).toBe(sampleText);
    expect(server.requests).toHaveLength(1);
  });

  it('signs with API-Key, API-Timestamp (YYYY-MM-DDTHH:MM:SSZ) and its HMAC as API-Token', async () => {
    server.route(`GET ${photosPath}`, { status: 200, json: [] });

    await client({ now: () => new Date() }).sessions.photos(key);

    const [received] = server.requests;
    const timestamp = headerOf(received?.headers ?? {}, 'API-Timestamp') ?? '';
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(headerOf(received?.headers ?? {}, 'API-Key')).toBe(account.apiKey);
    expect(headerOf(received?.headers ?? {}, 'API-Token')).toBe(fakeApiToken(account, timestamp));
  });

  it("creates a session, sending PAVE's nested body as JSON, as given", async () => {
    const session = buildSession({ options: { client_id: 'order-42', sms: null } });
    server.route('POST /v1/sessions', { status: 201, json: session });
    const body = { session: { client_id: 'order-42', theme: 'PRO' }, vehicle: { year: '2019' } } as const;

    const created = await client().sessions.create(body);

    expect(created).toEqual(session);
    expect(headerOf(server.requests[0]?.headers ?? {}, 'content-type')).toBe('application/json');
    expect(JSON.parse(server.requests[0]?.body.toString() ?? '')).toEqual(body);
  });

  it('updates a session with PUT and the body as given', async () => {
    const session = buildSession({ language: 'FR' });
    server.route(`PUT /v1/sessions/${key}`, { status: 200, json: session });

    await expect(client().sessions.update(key, { session: { language: 'FR' } })).resolves.toEqual(session);
    expect(JSON.parse(server.requests[0]?.body.toString() ?? '')).toEqual({ session: { language: 'FR' } });
  });

  it('invalidates a session with its reason', async () => {
    const session = buildSession({ status: 'INVALID', invalid_reason: 'Leaked link' });
    server.route(`POST /v1/sessions/${key}/invalidate`, { status: 200, json: session });

    await expect(client().sessions.invalidate(key, 'Leaked link')).resolves.toEqual(session);
    expect(JSON.parse(server.requests[0]?.body.toString() ?? '')).toEqual({ reason: 'Leaked link' });
  });

  it('lists and adds notes', async () => {
    const note = { id: 1, note: 'Dent', author: 'demo', created_at: '2021-05-27T07:36:16+00:00' };
    server.route(`GET /v1/sessions/${key}/notes`, { status: 200, json: [note] });
    server.route(`POST /v1/sessions/${key}/notes`, { status: 201, json: note });

    await expect(client().sessions.notes.list(key)).resolves.toEqual([note]);
    await expect(client().sessions.notes.add(key, 'Dent')).resolves.toEqual(note);
    expect(JSON.parse(server.requests[1]?.body.toString() ?? '')).toEqual({ note: 'Dent' });
  });

  it('reads the results document, and rejects with the 400 before COMPLETE', async () => {
    const session = buildSession({
      status: 'COMPLETE',
      inspect_started_at: '2021-05-27T07:36:00+00:00',
      inspect_ended_at: '2021-05-27T07:40:00+00:00',
    });
    const document = {
      event: 'SESSION:COMPLETE',
      session: {
        ...session,
        capture_duration: 200,
        inspect_duration: 240,
        source: { type: 'api', properties: { api_name: 'demo' } },
      },
      vehicle: session.vehicle,
      photos: [buildPhoto()],
    };
    server.route(`GET /v1/sessions/${key}/results`, { status: 200, json: document });
    await expect(client().sessions.results(key)).resolves.toEqual(document);

    server.reset();
    server.route(`GET /v1/sessions/${key}/results`, {
      status: 400,
      json: { message: 'Session is not yet completed.' },
    });
    await expect(client().sessions.results(key)).rejects.toMatchObject({
      name: 'PaveApiError',
      status: 400,
      message: 'Session is not yet completed.',
    });
  });

  it('refuses a results document whose photos do not fit the contract', async () => {
    server.route(`GET /v1/sessions/${key}/results`, { status: 200, json: { event: 'SESSION:COMPLETE', photos: [] } });
    await expect(client().sessions.results(key)).rejects.toBeInstanceOf(PaveResponseError);
  });

  it('lists sessions with status, limit and cursor in the query, leaving out what is not given', async () => {
    const progress = { steps_done: 0, steps_total: 13, last_activity_at: null };
    const page = { sessions: [{ ...buildSession(), progress }], next_cursor: null };
    server.route('GET /v1/sessions?status=IDLE&limit=5', { status: 200, json: page });

    await expect(client().sessions.list({ status: 'IDLE', limit: 5 })).resolves.toEqual(page);
  });

  it('gets and deletes a session', async () => {
    const message = `Session ${key} has been successfully removed.`;
    server.route(`GET /v1/sessions/${key}`, { status: 200, json: buildSession() });
    server.route(`DELETE /v1/sessions/${key}`, { status: 200, json: { message } });

    await expect(client().sessions.get(key)).resolves.toEqual(buildSession());
    await expect(client().sessions.delete(key)).resolves.toEqual({ message });
  });

  it('reads progress', async () => {
    const progress = { session_key: key, status: 'PROCESS', complete: false, next_step: null, steps: [] };
    server.route(`GET /v1/sessions/${key}/progress`, { status: 200, json: progress });

    await expect(client().sessions.progress(key)).resolves.toEqual(progress);
  });
});

describe('createPaveClient: API errors', () => {
  it("throws PaveNotFoundError with PAVE's message for an unknown session, without retrying", async () => {
    const error = await rejectionOf(client().sessions.photos('DEM-ZZZZZZZZZZ'));

    expect(error).toBeInstanceOf(PaveNotFoundError);
    expect(error).toBeInstanceOf(PaveApiError);
    expect(error).toMatchObject({
      name: 'PaveNotFoundError',
      kind: 'api',
      status: 404,
      message: 'Session DEM-ZZZZZZZZZZ cannot be found.',
      body: { message: 'Session DEM-ZZZZZZZZZZ cannot be found.' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('throws PaveAuthError when the server refuses the token', async () => {
    const error = await rejectionOf(client({ apiSecret: 'not-the-secret' }).sessions.photos(key));

    expect(error).toBeInstanceOf(PaveAuthError);
    expect(error).toMatchObject({ name: 'PaveAuthError', status: 401, message: 'Invalid API-Token.' });
    expect(server.requests).toHaveLength(1);
  });

  it('gives a generic message with the status when the error body is not JSON', async () => {
    server.route(`GET ${photosPath}`, { status: 502, text: '<html>Bad gateway</html>' });

    const error = await rejectionOf(client({ retry: { limit: 0 } }).sessions.photos(key));

    expect(error).toBeInstanceOf(PaveApiError);
    expect(error).toMatchObject({ status: 502, message: 'The API answered 502 without a readable error message.' });
  });

  it('retries a persistent 500 up to the limit, then throws PaveApiError', async () => {
    server.route(`GET ${photosPath}`, { status: 500, json: { message: 'Internal error.', code: 'internal' } });

    const error = await rejectionOf(client({ retry: { limit: 2, baseDelayMs: 1 } }).sessions.photos(key));

    expect(error).toMatchObject({ name: 'PaveApiError', status: 500, message: 'Internal error.' });
    expect((error as PaveApiError).body).toEqual({ message: 'Internal error.', code: 'internal' });
    expect(server.requests).toHaveLength(3);
  });

  it.each<[string, unknown, (string | number)[]]>([
    ['an unknown photo code', [{ ...buildPhoto(), photo_code: 14 }], [0, 'photo_code']],
    ['a label not matching its code', [{ ...buildPhoto({ photo_code: 5 }), photo_label: 'Rear' }], [0, 'photo_label']],
    ['a null url on Interior', [{ ...buildPhoto({ photo_code: 2 }), url: null }], [0, 'url']],
    ['an object instead of an array', { photos: [] }, []],
  ])('throws PaveResponseError with the issues for %s, without retrying', async (_name, body, path) => {
    server.route(`GET ${photosPath}`, { status: 200, json: body });

    const error = await rejectionOf(client().sessions.photos(key));

    expect(error).toBeInstanceOf(PaveResponseError);
    expect(error).toMatchObject({ name: 'PaveResponseError', kind: 'invalid_response', status: 200 });
    expect((error as PaveResponseError).issues.map((issue) => issue.path)).toContainEqual(path);
    expect(server.requests).toHaveLength(1);
  });

  it('throws PaveResponseError for a 2xx body that is not JSON', async () => {
    server.route(`GET ${photosPath}`, { status: 200, text: 'oops' });

    const error = await rejectionOf(client().sessions.photos(key));

    expect(error).toBeInstanceOf(PaveResponseError);
    expect((error as PaveResponseError).issues).toEqual([
      { code: 'custom', path: [], message: 'Expected a JSON body' },
    ]);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});

describe('createPaveClient: timeouts and network errors', () => {
  it('throws PaveTimeoutError when the server is slower than timeoutMs', async () => {
    server.route(`GET ${photosPath}`, { status: 200, json: [], delayMs: 2000 });

    const error = await rejectionOf(client({ timeoutMs: 100, retry: { limit: 0 } }).sessions.photos(key));

    expect(error).toBeInstanceOf(PaveTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 100 });
  });

  it('applies the timeout per attempt and retries a timed-out GET', async () => {
    server.route(`GET ${photosPath}`, { status: 200, json: [], delayMs: 2000 }, { status: 200, json: [] });

    await expect(client({ timeoutMs: 500, retry: { limit: 1 } }).sessions.photos(key)).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  /** A client of a port nothing listens on, retrying once, and the attempt numbers it reports. */
  async function unreachableClient() {
    const attempts: number[] = [];
    const pave = client({
      baseUrl: await closedPortUrl(),
      retry: { limit: 1 },
      onRequest: (e) => attempts.push(e.attempt),
    });
    return { pave, attempts };
  }

  it('throws PaveNetworkError when nothing listens, after retrying a GET', async () => {
    const { pave, attempts } = await unreachableClient();

    const error = await rejectionOf(pave.sessions.photos(key));

    expect(error).toBeInstanceOf(PaveNetworkError);
    expect(error).toMatchObject({ name: 'PaveNetworkError', kind: 'network' });
    expect(attempts).toEqual([1, 2]);
  });

  it('retries a POST whose connection was refused: it never reached a server', async () => {
    const { pave, attempts } = await unreachableClient();

    await expect(pave.sessions.create()).rejects.toBeInstanceOf(PaveNetworkError);
    expect(attempts).toEqual([1, 2]);
  });
});

describe('createPaveClient: retries', () => {
  it('waits Retry-After (seconds) after a 429 and retries with a new timestamp and token', async () => {
    server.route(
      `GET ${photosPath}`,
      { status: 429, json: { message: 'Slow down.' }, headers: { 'retry-after': '1' } },
      { status: 200, json: [] },
    );

    await expect(client().sessions.photos(key)).resolves.toEqual([]);

    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(900);
    expect(headerOf(second?.headers ?? {}, 'API-Timestamp')).not.toBe(headerOf(first?.headers ?? {}, 'API-Timestamp'));
    expect(headerOf(second?.headers ?? {}, 'API-Token')).not.toBe(headerOf(first?.headers ?? {}, 'API-Token'));
  });

  it('retries a POST after a 503 with Retry-After as an HTTP date', async () => {
    const retryAfter = new Date(Date.now() + 2000).toUTCString();
    server.route(
      'POST /v1/sessions',
      { status: 503, json: { message: 'Busy.' }, headers: { 'retry-after': retryAfter } },
      { status: 201, json: buildSession() },
    );

    await expect(client().sessions.create()).resolves.toEqual(buildSession());

    const [first, second] = server.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('caps a long Retry-After at retry.maxRetryAfterMs', async () => {
    server.route(
      `GET ${photosPath}`,
      { status: 503, json: { message: 'Later.' }, headers: { 'retry-after': '3600' } },
      { status: 200, json: [] },
    );

    await expect(client({ retry: { maxRetryAfterMs: 10 } }).sessions.photos(key)).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a POST on a 500: the server may have acted on it', async () => {
    server.route('POST /v1/sessions', { status: 500, json: { message: 'Internal error.' } });

    await expect(client().sessions.create()).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry an upload on a 503 without Retry-After, so no photo is stored twice', async () => {
    server.route(`POST /v1/capture/${key}/photos/5`, { status: 503, json: { message: 'Unavailable.' } });
    const image = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

    await expect(client().capture(captureUrl()).upload(5, image)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('reports each attempt to onRequest and onResponse, without headers', async () => {
    server.route(`GET ${photosPath}`, { status: 503, json: { message: 'Busy.' } }, { status: 200, json: [] });
    const requests: PaveRequestEvent[] = [];
    const responses: PaveResponseEvent[] = [];

    await client({ onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) }).sessions.photos(key);

    const url = `${server.baseUrl}${photosPath}`;
    expect(requests).toEqual([
      { method: 'GET', url, attempt: 1 },
      { method: 'GET', url, attempt: 2 },
    ]);
    expect(responses.map(({ durationMs, ...rest }) => ({ ...rest, timed: durationMs >= 0 }))).toEqual([
      { method: 'GET', url, attempt: 1, status: 503, timed: true },
      { method: 'GET', url, attempt: 2, status: 200, timed: true },
    ]);
  });

  it('rejects with what onResponse throws, unchanged, and does not retry', async () => {
    server.route(`GET ${photosPath}`, { status: 503, json: { message: 'Busy.' } }, { status: 200, json: [] });
    const thrown = new Error('observer broke');
    const pave = client({
      onResponse: () => {
        throw thrown;
      },
    });

    await expect(pave.sessions.photos(key)).rejects.toBe(thrown);
    expect(server.requests).toHaveLength(1);
  });
});

describe('createPaveClient: abort', () => {
  it('rejects with the signal reason when aborted mid-request', async () => {
    const controller = new AbortController();
    const reason = new Error('user left');
    server.route(`GET ${photosPath}`, () => {
      controller.abort(reason);
      return { status: 200, json: [], delayMs: 2000 };
    });

    await expect(client().sessions.photos(key, { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with an AbortError when aborted without a reason', async () => {
    const controller = new AbortController();
    server.route(`GET ${photosPath}`, () => {
      controller.abort();
      return { status: 200, json: [], delayMs: 2000 };
    });

    const error = await rejectionOf(client().sessions.photos(key, { signal: controller.signal }));

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(PaveClientError);
  });

  it('stops during the backoff sleep at once', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    server.route(`GET ${photosPath}`, { status: 503, json: { message: 'Busy.' }, headers: { 'retry-after': '30' } });
    const pave = client({ onResponse: () => controller.abort(reason) });

    await expect(pave.sessions.photos(key, { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const reason = new Error('too late');

    await expect(client().sessions.photos(key, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

const captureState = CaptureState.parse({
  session_key: key,
  status: 'STARTED',
  complete: false,
  next_step: { step: 1, photo_code: 1, photo_label: 'VIN' },
  steps: [],
  accepting: true,
  invalid_reason: null,
  language: 'EN',
  redirect_url: null,
  integrator: null,
  vehicle: null,
});

describe('capture client', () => {
  it('uploads the image as multipart field `image`, with the capture token and no account headers', async () => {
    const photo = buildPhoto({ photo_code: 5 });
    server.route(`POST /v1/capture/${key}/photos/5`, { status: 201, json: photo });
    const image = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' });

    await expect(client().capture(captureUrl()).upload(5, image, { filename: 'front.jpg' })).resolves.toEqual(photo);

    const received = server.requests[0];
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(
      headerOf(received?.headers ?? {}, 'content-type') ?? '',
    );
    const body = received?.body.toString('latin1') ?? '';
    expect(boundary).not.toBeNull();
    expect(body).toContain(`--${boundary?.[1] ?? ''}`);
    expect(body).toContain('Content-Disposition: form-data; name="image"; filename="front.jpg"');
    expect(body).toContain('Content-Type: image/jpeg');
    expect(body).toContain('\xff\xd8\xff\xe0');
    expect(received?.headers['api-key']).toBeUndefined();
    expect(received?.headers['api-token']).toBeUndefined();
    expect(received?.headers['capture-token']).toBe(captureToken);
  });

  it('sends a manual entry and a skip as JSON', async () => {
    server.route(`POST /v1/capture/${key}/manual`, { status: 201, json: buildPhoto({ photo_code: 1 }) });
    server.route(`POST /v1/capture/${key}/skip`, {
      status: 201,
      json: buildPhoto({ photo_code: 4, url: null, reason: 'skipped' }),
    });
    const capture = client().capture(captureUrl());

    await capture.manual({ photo_code: 1, value: '1HGCM82633A004352' });
    await expect(capture.skip(4)).resolves.toMatchObject({ photo_code: 4, url: null });

    expect(server.requests.map((r) => JSON.parse(r.body.toString()) as unknown)).toEqual([
      { photo_code: 1, value: '1HGCM82633A004352' },
      { photo_code: 4 },
    ]);
  });

  it('gets, starts and confirms with createCaptureClient, built from the capture_url alone', async () => {
    server.route(`GET /v1/capture/${key}`, { status: 200, json: captureState });
    server.route(`POST /v1/capture/${key}/start`, { status: 200, json: captureState });
    server.route(`POST /v1/capture/${key}/confirm`, { status: 200, json: { ...captureState, status: 'COMPLETE' } });
    const capture = createCaptureClient({ captureUrl: captureUrl() });

    await expect(capture.get()).resolves.toEqual(captureState);
    await expect(capture.start()).resolves.toEqual(captureState);
    await expect(capture.confirm()).resolves.toMatchObject({ status: 'COMPLETE' });
    expect(capture.sessionKey).toBe(key);
    expect(server.requests.every((r) => r.headers['capture-token'] === captureToken)).toBe(true);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /v1/capture/${key}`,
      `POST /v1/capture/${key}/start`,
      `POST /v1/capture/${key}/confirm`,
    ]);
  });

  it('refuses a capture_url without a token at once', () => {
    expect(() => createCaptureClient({ captureUrl: `${server.baseUrl}/capture/${key}` })).toThrow(TypeError);
  });

  it('never shows the capture token in an error', async () => {
    server.route(`GET /v1/capture/${key}`, { status: 404, json: { message: `Session ${key} cannot be found` } });

    const error: unknown = await createCaptureClient({ captureUrl: captureUrl() })
      .get()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PaveNotFoundError);
    expect(everythingShownOf(error)).not.toContain(captureToken);
  });
});

function everythingShownOf(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error) ?? ''];
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; depth += 1) {
    parts.push(
      String(current),
      current.message,
      current.stack ?? '',
      inspect(current, { depth: 10, showHidden: true }),
    );
    current = current.cause;
  }
  return parts.join('\n');
}

describe('errors never leak credentials', () => {
  async function everyKindOfError(): Promise<unknown[]> {
    server.route(`GET ${photosPath}`, { status: 401, json: { message: 'Invalid API-Token.' } });
    server.route(`GET /v1/sessions/${key}`, { status: 500, json: { message: 'Internal error.' } });
    server.route(`GET /v1/sessions/${key}/progress`, { status: 502, text: '<html>Bad gateway</html>' });
    server.route('GET /v1/sessions?limit=1', { status: 200, text: 'not json' });
    server.route('GET /v1/sessions?limit=2', { status: 200, json: [{ nope: true }] });
    server.route(`DELETE /v1/sessions/${key}`, { status: 200, json: { message: 'slow' }, delayMs: 2000 });
    const pave = client({ retry: { limit: 0 } });
    const impatient = client({ retry: { limit: 0 }, timeoutMs: 100 });
    const offline = client({ baseUrl: await closedPortUrl(), retry: { limit: 0 } });
    return Promise.all([
      rejectionOf(pave.sessions.photos(key)),
      rejectionOf(pave.sessions.photos('DEM-ZZZZZZZZZZ')),
      rejectionOf(pave.sessions.get(key)),
      rejectionOf(pave.sessions.progress(key)),
      rejectionOf(pave.sessions.list({ limit: 1 })),
      rejectionOf(pave.sessions.list({ limit: 2 })),
      rejectionOf(impatient.sessions.delete(key)),
      rejectionOf(offline.sessions.photos(key)),
    ]);
  }

  it('shows no secret, API key, token or header in any error, its cause chain, stack or JSON', async () => {
    const errors = await everyKindOfError();

    const names = errors.map((error) => (error as Error).name);
    expect(names).toEqual([
      'PaveAuthError',
      'PaveNotFoundError',
      'PaveApiError',
      'PaveApiError',
      'PaveResponseError',
      'PaveResponseError',
      'PaveTimeoutError',
      'PaveNetworkError',
    ]);
    const tokens = server.requests.map((r) => headerOf(r.headers, 'API-Token') ?? '');
    // the 100 ms timeout may abandon its request before the server reads it on a loaded machine: 6 or 7 arrive
    expect(tokens.length).toBeGreaterThanOrEqual(6);
    for (const error of errors) {
      const shown = everythingShownOf(error);
      for (const secret of [account.apiSecret, account.apiKey, ...tokens]) expect(shown).not.toContain(secret);
      expect(shown).not.toMatch(/[0-9a-f]{64}/);
      expect(shown).not.toMatch(/api-token|api-key|api-timestamp/);
    }
  });
});

describe('request URLs', () => {
  /** A client whose fetch records each URL it is asked for and answers an empty page. */
  function recordingClient(baseUrl: string) {
    const urls: string[] = [];
    const fetch = async (input: RequestInfo | URL): Promise<Response> => {
      urls.push(input instanceof Request ? input.url : String(input));
      return Response.json({ sessions: [], next_cursor: null });
    };
    return { pave: client({ baseUrl, fetch }), urls };
  }

  it.each([
    ['https://openapi.paveapi.com', 'https://openapi.paveapi.com/v1/sessions'],
    ['http://localhost:3000/', 'http://localhost:3000/v1/sessions'],
    ['https://example.test/pave', 'https://example.test/pave/v1/sessions'],
  ])('joins %s and /v1/sessions', async (baseUrl, expected) => {
    const { pave, urls } = recordingClient(baseUrl);

    await pave.sessions.list();

    expect(urls).toEqual([expected]);
  });

  it('adds the given query parameters only', async () => {
    const { pave, urls } = recordingClient('http://x.test');

    await pave.sessions.list({ status: 'IDLE', cursor: 'a_b' });

    expect(urls).toEqual(['http://x.test/v1/sessions?status=IDLE&cursor=a_b']);
  });
});

describe('createPaveClient options', () => {
  it.each<[string, Partial<PaveClientOptions>]>([
    ['a relative baseUrl', { baseUrl: '/api' }],
    ['a non-http baseUrl', { baseUrl: 'ftp://example.test' }],
    ['a zero timeout', { timeoutMs: 0 }],
    ['a negative retry limit', { retry: { limit: -1 } }],
    ['a fractional retry limit', { retry: { limit: 1.5 } }],
  ])('throws at once for %s', (_name, options) => {
    expect(() => client(options)).toThrow(/@pave\/client/);
  });
});

describe('createPaveClient: callbacks.test', () => {
  const outcome = {
    event: 'SESSION:COMPLETE',
    url: 'https://hooks.example.test/pave',
    webhook_id: 'msg_test_0123456789abcdef01234567',
    session_key: 'TST-0000000000',
    sent_at: '2021-05-27T07:40:00+00:00',
    delivered: false,
    status_code: 500,
    latency_ms: 84,
    error: 'answered 500',
  };

  it('POSTs to the event’s test route and returns the outcome, a failed receiver included', async () => {
    server.route('POST /v1/callbacks/SESSION%3ACOMPLETE/test', { status: 200, json: outcome });

    await expect(client().callbacks.test('SESSION:COMPLETE')).resolves.toEqual(outcome);
    expect(server.requests).toHaveLength(1);
  });

  it('throws PaveResponseError for an outcome that does not fit its schema', async () => {
    server.route('POST /v1/callbacks/SESSION%3ACOMPLETE/test', { status: 200, json: { ...outcome, latency_ms: -1 } });

    expect(await rejectionOf(client().callbacks.test('SESSION:COMPLETE'))).toBeInstanceOf(PaveResponseError);
  });

  it('waits past the client’s own timeout for the outcome (the server may wait 10 s on the receiver)', async () => {
    server.route('POST /v1/callbacks/SESSION%3ACOMPLETE/test', { status: 200, json: outcome, delayMs: 500 });

    await expect(client({ timeoutMs: 100 }).callbacks.test('SESSION:COMPLETE')).resolves.toEqual(outcome);
    expect(server.requests).toHaveLength(1);
  });

  it('throws PaveNotFoundError when the event has no callback', async () => {
    const message = 'Your API Key does not have callback setting for the event SESSION:COMPLETE.';
    server.route('POST /v1/callbacks/SESSION%3ACOMPLETE/test', { status: 404, json: { message, code: 'not_found' } });

    expect(await rejectionOf(client().callbacks.test('SESSION:COMPLETE'))).toMatchObject({ status: 404, message });
  });
});

describe('createPaveClient: callbacks.test over its budget', () => {
  it('rejects a 429 at once with its message, without waiting Retry-After', async () => {
    const message = 'At most 5 test sends per minute for this account; retry in 42 s.';
    server.route('POST /v1/callbacks/SESSION%3ACOMPLETE/test', {
      status: 429,
      json: { message, code: 'rate_limited' },
      headers: { 'retry-after': '42' },
    });

    expect(await rejectionOf(client().callbacks.test('SESSION:COMPLETE'))).toMatchObject({ status: 429, message });
    expect(server.requests).toHaveLength(1);
  });
});
