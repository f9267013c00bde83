import type { AuthHeaders, PaveRequestEvent, PaveResponseEvent, TransportSettings } from './create-transport.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';

/** Retry tuning; only `limit` is usually worth changing (the delays are there for tests and special cases). */
export type RetryOptions = { [K in keyof RetryPolicy]?: number | undefined };

/** How requests are sent: timeouts, retries, `fetch` and the observation hooks (shared by both clients). */
export type TransportOptions = {
  /** Per-attempt timeout; default 10000. */
  timeoutMs?: number | undefined;
  /** Default: 2 retries (3 attempts at most). */
  retry?: RetryOptions | undefined;
  /** Default: `globalThis.fetch`, looked up at call time (so test interceptors installed later still apply). */
  fetch?: typeof fetch | undefined;
  /** Called before each attempt. Should not throw: an exception rejects the call unchanged. */
  onRequest?: ((event: PaveRequestEvent) => void) | undefined;
  /** Called after each attempt that got a response. Should not throw: an exception rejects the call unchanged. */
  onResponse?: ((event: PaveResponseEvent) => void) | undefined;
};

/** Options of `createPaveClient`'s transport: where the API is, and how requests are sent. */
export type ApiClientOptions = TransportOptions & {
  /** The API's origin, optionally with a base path: `https://openapi.paveapi.com`, `http://localhost:3000`. */
  baseUrl: string;
};

/** Options of `createCaptureClient`: a session's `capture_url` (it says where the API is), and how to send. */
export type CaptureClientOptions = TransportOptions & {
  /** `<base URL>/capture/<session key>#<token>`, as `capture_url` gives it. */
  captureUrl: string;
};

const defaultTimeoutMs = 10_000;
// the largest delay setTimeout accepts
const maxTimerMs = 2_147_483_647;

function checkedMs(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min || value > maxTimerMs) {
    throw new RangeError(`@pave/client: ${name} must be a number of milliseconds from ${min} to ${maxTimerMs}.`);
  }
  return value;
}

function resolveRetryPolicy(retry: RetryOptions = {}): RetryPolicy {
  const limit = retry.limit ?? defaultRetryPolicy.limit;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError('@pave/client: retry.limit must be an integer ≥ 0.');
  return {
    limit,
    baseDelayMs: checkedMs('retry.baseDelayMs', retry.baseDelayMs, defaultRetryPolicy.baseDelayMs),
    maxDelayMs: checkedMs('retry.maxDelayMs', retry.maxDelayMs, defaultRetryPolicy.maxDelayMs),
    maxRetryAfterMs: checkedMs('retry.maxRetryAfterMs', retry.maxRetryAfterMs, defaultRetryPolicy.maxRetryAfterMs),
  };
}

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}

function checkedBaseUrl(baseUrl: string): string {
  const protocol = protocolOf(baseUrl);
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new TypeError(`@pave/client: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}.`);
  }
  return baseUrl;
}

/** Applies the defaults and checks the options; throws TypeError/RangeError for a bad base URL, timeout or retry. */
export function resolveTransportSettings(
  options: ApiClientOptions,
  auth: { sign: AuthHeaders; secrets: readonly string[] } | null,
): TransportSettings {
  return {
    baseUrl: checkedBaseUrl(options.baseUrl),
    timeoutMs: checkedMs('timeoutMs', options.timeoutMs, defaultTimeoutMs, 1),
    retry: resolveRetryPolicy(options.retry),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sign: auth?.sign ?? null,
    secrets: auth?.secrets ?? [],
    onRequest: options.onRequest,
    onResponse: options.onResponse,
  };
}
