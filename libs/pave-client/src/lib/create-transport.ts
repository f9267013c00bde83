import ky, { type Options } from 'ky';
import type * as z from 'zod/mini';
import type { RequestSigner } from './create-request-signer.js';
import { mapKyError, type MappedFailure } from './map-ky-error.js';
import { parseResponse, type RawResponse } from './parse-response.js';
import { retryDelay, type RetryPolicy } from './retry-policy.js';
import { sleep } from './sleep.js';

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** Passed to `onRequest` before each attempt (1 for the first). Never carries headers or secrets. */
export type PaveRequestEvent = { readonly method: HttpMethod; readonly url: string; readonly attempt: number };

/** Passed to `onResponse` for each attempt that got a response, whatever its status. */
export type PaveResponseEvent = PaveRequestEvent & { readonly status: number; readonly durationMs: number };

/** Per-call options every client method takes last. */
export type RequestOptions = { signal?: AbortSignal | undefined };

/** One endpoint call: where, what to send, and the schema of a 2xx body. */
export type ApiCall<T> = {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly schema: z.core.$ZodType<T>;
};

/** Everything a transport needs, defaults already applied. */
export type TransportSettings = {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly fetch: typeof fetch;
  /** Null for the capture endpoints, which take no credentials. */
  readonly sign: RequestSigner | null;
  /** Values that must never appear in an error (the API secret). */
  readonly secrets: readonly string[];
  readonly onRequest?: ((event: PaveRequestEvent) => void) | undefined;
  readonly onResponse?: ((event: PaveResponseEvent) => void) | undefined;
};

/** Sends a call with retries and returns its parsed 2xx body. */
export type Transport = <T>(call: ApiCall<T>, options?: RequestOptions) => Promise<T>;

type Attempt = { readonly call: ApiCall<unknown>; readonly url: string; readonly number: number };
type AttemptOutcome = { ok: true; response: RawResponse } | { ok: false; failure: MappedFailure };

/** `baseUrl` + `path` (a base path is kept: `https://host/api` + `/v1/x` → `https://host/api/v1/x`) + query. */
export function buildUrl(baseUrl: string, path: string, query: ApiCall<unknown>['query'] = {}): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(path.replace(/^\/+/, ''), base);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

function kyOptions(
  settings: TransportSettings,
  call: ApiCall<unknown>,
  headers: Readonly<Record<string, string>>,
): Options {
  return {
    method: call.method,
    headers: { accept: 'application/json', ...headers },
    ...(call.json === undefined ? {} : { json: call.json }),
    ...(call.form ? { body: call.form } : {}),
    timeout: settings.timeoutMs,
    // retries happen in createTransport's loop: each one is signed afresh and honours Retry-After and abort
    retry: 0,
  };
}

type Fetch = typeof fetch;

/** Wraps fetch to note when the response headers arrived and with what status (for `onResponse`). */
function observedFetch(baseFetch: Fetch, event: PaveRequestEvent, onAnswer: (answer: PaveResponseEvent) => void) {
  const started = performance.now();
  return async (input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> => {
    const response = await baseFetch(input, init);
    onAnswer({ ...event, status: response.status, durationMs: Math.round(performance.now() - started) });
    return response;
  };
}

async function sendOnce(settings: TransportSettings, attempt: Attempt, signal?: AbortSignal): Promise<AttemptOutcome> {
  const auth: Readonly<Record<string, string>> = settings.sign ? await settings.sign() : {};
  const event: PaveRequestEvent = { method: attempt.call.method, url: attempt.url, attempt: attempt.number };
  settings.onRequest?.(event);
  let answered: PaveResponseEvent | undefined;
  const fetch = observedFetch(settings.fetch, event, (answer) => (answered = answer));
  const options = { ...kyOptions(settings, attempt.call, auth), fetch, ...(signal ? { signal } : {}) };
  const outcome = await ky(attempt.url, options)
    .text()
    .then((text): AttemptOutcome => ({ ok: true, response: { status: answered?.status ?? 200, text } }))
    .catch((error: unknown): AttemptOutcome => {
      if (signal?.aborted) throw signal.reason;
      const secrets = [...settings.secrets, ...Object.values(auth)];
      return { ok: false, failure: mapKyError(error, { ...event, timeoutMs: settings.timeoutMs, secrets }) };
    });
  if (answered) settings.onResponse?.(answered);
  return outcome;
}

/**
 * A transport over one base URL: signs each attempt (when credentials are given), applies the per-attempt
 * timeout, retries per the {@link RetryPolicy} (GET and DELETE are idempotent; POST is not) and parses the
 * body. An abort rejects at once with the signal's reason, even during a backoff sleep.
 */
export function createTransport(settings: TransportSettings): Transport {
  return async <T>(call: ApiCall<T>, options: RequestOptions = {}): Promise<T> => {
    const { signal } = options;
    const url = buildUrl(settings.baseUrl, call.path, call.query);
    for (let number = 1; ; number += 1) {
      signal?.throwIfAborted();
      const outcome = await sendOnce(settings, { call, url, number }, signal);
      if (outcome.ok) return parseResponse(outcome.response, call.schema, `${call.method} ${new URL(url).pathname}`);
      const context = { retry: number, idempotent: call.method !== 'POST', policy: settings.retry };
      const delay = retryDelay(outcome.failure.trigger, { ...context, nowMs: Date.now(), random: Math.random });
      if (delay === null) throw outcome.failure.error;
      await sleep(delay, signal);
    }
  };
}
