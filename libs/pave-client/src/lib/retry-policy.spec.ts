import { buildSession } from '@pave/domain/testing';
import { createPaveClient } from './create-pave-client.js';
import { PaveApiError } from './pave-client-error.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';

// The policy is tested through the real client: a fetch answers each attempt from a script, and every wait the
// transport asks of setTimeout is recorded and shortened to 0 ms. The per-attempt timeout (the one delay equal to
// `timeoutMs`) runs for real.

const realSetTimeout = globalThis.setTimeout;
const key = 'DEM-0123456789';
const policy: RetryPolicy = { limit: 2, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
const nowMs = Date.UTC(2021, 4, 30, 12, 0, 0);
const session = buildSession();

/** One attempt's fate: an answer (a non-2xx status, with a Retry-After if given), an error fetch throws, or no answer. */
type Outcome = { status: number; retryAfter?: string } | Error | 'no answer';

const refused = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  });
const resetAfterConnecting = () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });

function scriptedFetch(outcomes: readonly Outcome[], body: unknown) {
  const methods: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    methods.push(request.method);
    const outcome = outcomes[methods.length - 1];
    if (outcome === undefined) return Response.json(body, { status: request.method === 'POST' ? 201 : 200 });
    if (outcome === 'no answer') {
      return new Promise((_resolve, reject) =>
        request.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    }
    if (outcome instanceof Error) throw outcome;
    const headers: Record<string, string> =
      outcome.retryAfter === undefined ? {} : { 'retry-after': outcome.retryAfter };
    return Response.json({ message: 'Try again.' }, { status: outcome.status, headers });
  };
  return { fetch, methods };
}

/** Records the waits the transport asks for (anything but `timeoutMs`) and lets them pass at once. */
function recordWaits(timeoutMs: number): number[] {
  const waits: number[] = [];
  jest.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms = 0) => {
    if (ms === timeoutMs) return realSetTimeout(handler, ms);
    waits.push(ms);
    return realSetTimeout(handler, 0);
  }) as typeof setTimeout);
  return waits;
}

type Run = { method?: 'GET' | 'POST' | 'DELETE'; retry?: Partial<RetryPolicy>; timeoutMs?: number };

/** Sends one call whose attempts meet `outcomes` (then succeed); returns its result, attempts and waits. */
async function run(outcomes: readonly Outcome[], { method = 'GET', retry = policy, timeoutMs = 60_000 }: Run = {}) {
  const waits = recordWaits(timeoutMs);
  const { fetch, methods } = scriptedFetch(outcomes, method === 'DELETE' ? { message: 'Removed.' } : session);
  const credentials = { username: 'demo', apiKey: 'ak_demo', apiSecret: 's3cr3t-value' };
  const { sessions } = createPaveClient({ baseUrl: 'http://api.test', ...credentials, retry, timeoutMs, fetch });
  const calls = { GET: () => sessions.get(key), POST: () => sessions.create(), DELETE: () => sessions.delete(key) };
  const result = await calls[method]().then(
    (value) => ({ ok: true, value }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );
  return { result, attempts: methods.length, waits };
}

beforeEach(() => {
  jest.spyOn(Math, 'random').mockReturnValue(0.5);
  jest.spyOn(Date, 'now').mockReturnValue(nowMs);
});
afterEach(() => jest.restoreAllMocks());

describe('retry policy: what is retried', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a GET on %i', async (status) => {
    const { result, attempts } = await run([{ status }]);

    expect(result).toEqual({ ok: true, value: session });
    expect(attempts).toBe(2);
  });

  it('retries a DELETE as it retries a GET', async () => {
    const { result, attempts } = await run([{ status: 502 }, resetAfterConnecting()], { method: 'DELETE' });

    expect(result.ok).toBe(true);
    expect(attempts).toBe(3);
  });

  it.each([400, 401, 403, 404, 409, 413, 422, 501])('never retries %i, even with Retry-After', async (status) => {
    const get = await run([{ status, retryAfter: '1' }]);
    const post = await run([{ status, retryAfter: '1' }], { method: 'POST' });

    expect([get.attempts, post.attempts]).toEqual([1, 1]);
    expect(post.result).toMatchObject({ ok: false, error: { status } });
  });

  it.each<[string, Outcome, boolean]>([
    ['429 without Retry-After', { status: 429 }, true],
    ['503 with Retry-After', { status: 503, retryAfter: '2' }, true],
    ['503 without Retry-After', { status: 503 }, false],
    ['500 even with Retry-After', { status: 500, retryAfter: '2' }, false],
    ['502', { status: 502 }, false],
    ['408', { status: 408 }, false],
    ['a timeout', 'no answer', false],
    ['a network error after connecting', resetAfterConnecting(), false],
    ['a refused connection', refused(), true],
  ])('for a POST, on %s, retries: %s', async (_name, outcome, retried) => {
    const { result, attempts } = await run([outcome], { method: 'POST', timeoutMs: 200 });

    expect(attempts).toBe(retried ? 2 : 1);
    expect(result.ok).toBe(retried);
  });

  it('retries a GET on timeouts and network errors, never on errors fetch does not raise for a lost connection', async () => {
    const timeout = await run(['no answer'], { timeoutMs: 200 });
    const network = await run([resetAfterConnecting()]);
    const unknown = await run([new RangeError('custom fetch broke')]);

    expect([timeout.attempts, network.attempts, unknown.attempts]).toEqual([2, 2, 1]);
  });
});

describe('retry policy: how long it waits', () => {
  it.each<[string, number]>([
    ['1', 1000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Sun, 30 May 2021 12:00:03 GMT', 3000],
    ['Sun, 30 May 2021 11:59:00 GMT', 0],
  ])('waits Retry-After %j as %j ms', async (retryAfter, expected) => {
    const { waits } = await run([{ status: 503, retryAfter }], { retry: { ...policy, maxRetryAfterMs: 600_000 } });

    expect(waits).toEqual([expected]);
  });

  it.each(['', 'soon', '-1', '1.5'])('backs off as usual after an unreadable Retry-After %j', async (retryAfter) => {
    const { waits } = await run([{ status: 503, retryAfter }]);

    expect(waits).toEqual([50]);
  });

  it('backs off as usual without Retry-After', async () => {
    const { waits } = await run([{ status: 503 }]);

    expect(waits).toEqual([50]);
  });

  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [5, 1000],
    [9, 1000],
  ])('before retry %i, waits a random share (full jitter) of %i ms', async (retry, ceiling) => {
    const waitBefore = async (random: number) => {
      jest.spyOn(Math, 'random').mockReturnValue(random);
      const { waits } = await run(Array<Outcome>(9).fill({ status: 503 }), { retry: { ...policy, limit: 9 } });
      jest.restoreAllMocks();
      return waits[retry - 1] ?? Number.NaN;
    };

    const [highest, lowest, half] = [await waitBefore(0.999_999), await waitBefore(0), await waitBefore(0.5)];

    expect(highest).toBeLessThan(ceiling);
    expect(highest).toBeGreaterThan(ceiling - 1);
    expect(lowest).toBe(0);
    expect(half).toBe(ceiling / 2);
  });

  it('uses Retry-After instead of the backoff', async () => {
    const tooMany = await run([{ status: 429, retryAfter: '2' }]);
    const badGateway = await run([{ status: 502, retryAfter: '3' }]);

    expect([tooMany.waits, badGateway.waits]).toEqual([[2000], [3000]]);
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    const { waits } = await run([{ status: 503, retryAfter: '3600' }]);

    expect(waits).toEqual([5000]);
  });

  it('falls back to the backoff when Retry-After is unreadable, growing with each retry', async () => {
    const { waits } = await run([
      { status: 503, retryAfter: 'later' },
      { status: 503, retryAfter: 'later' },
    ]);

    expect(waits).toEqual([50, 100]);
  });

  it('gives up after limit retries', async () => {
    const { result, attempts, waits } = await run(Array<Outcome>(5).fill({ status: 503 }));

    expect(attempts).toBe(3);
    expect(waits).toEqual([50, 100]);
    expect(result).toEqual({ ok: false, error: expect.any(PaveApiError) });
    expect(result).toMatchObject({ error: { status: 503 } });
  });

  it('gives up at once on a status it never retries', async () => {
    const { attempts, waits } = await run([{ status: 404 }]);

    expect([attempts, waits]).toEqual([1, []]);
  });

  it('defaults to 2 retries, 300 ms base, 5 s backoff cap and a 30 s Retry-After cap', async () => {
    const backoff = await run(Array<Outcome>(5).fill({ status: 503 }), { retry: {} });
    const capped = await run([{ status: 503, retryAfter: '3600' }], { retry: {} });

    expect(defaultRetryPolicy).toEqual({ limit: 2, baseDelayMs: 300, maxDelayMs: 5000, maxRetryAfterMs: 30_000 });
    expect([backoff.attempts, backoff.waits]).toEqual([3, [150, 300]]);
    expect(capped.waits).toEqual([30_000]);
  });
});
