import ky, { type Hooks, type KyRequest, type Options } from 'ky';
import type * as z from 'zod/mini';
import { mapKyError } from './map-ky-error.js';
import { kyRetryOptions, type RetryPolicy } from './retry-policy.js';

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Passed to `onRequest` before each attempt (1 for the first). Never carries headers or secrets. */
export type PaveRequestEvent = { readonly method: HttpMethod; readonly url: string; readonly attempt: number };

/** Passed to `onResponse` for each attempt that got a response, whatever its status. */
export type PaveResponseEvent = PaveRequestEvent & { readonly status: number; readonly durationMs: number };

/** Per-call options every client method takes last. */
export type RequestOptions = { signal?: AbortSignal | undefined };

/** One endpoint call: where, what to send, and the schema of a 2xx body. */
export type ApiCall<T> = {
  readonly method: HttpMethod;
  /** Below the base URL, which may have a base path: `https://host/api` + `/v1/x` → `https://host/api/v1/x`. */
  readonly path: string;
  /** Query parameters; undefined ones are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly json?: unknown;
  readonly form?: FormData;
  /** The schema of a JSON 2xx body; ignored when `read` is given. */
  readonly schema: z.core.$ZodType<T>;
  /** Reads a 2xx answer that is not JSON (a download) instead of parsing it with `schema`. */
  readonly read?: (response: Response) => Promise<T>;
  /**
   * A GET whose answer carries an `ETag`: the transport keeps the last answer and asks again with `If-None-Match`;
   * a `304` is answered from what it kept (parsed afresh, so callers never share an object).
   */
  readonly conditional?: boolean;
  /** A deadline longer than the client's, for a call the server itself may spend seconds on (a test send). */
  readonly timeoutMs?: number;
  /** False: one attempt only, whatever the client's retry policy (a caller waiting on a button, not a batch). */
  readonly retry?: false;
};

/** Produces the auth headers of one attempt, by wire name. */
export type AuthHeaders = () => Promise<Readonly<Record<string, string>>>;

/** Everything a transport needs, defaults already applied. */
export type TransportSettings = {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly fetch: typeof fetch;
  /** The auth headers of each attempt: signed ones (`RequestSigner`), a capture link's token, or none (null). */
  readonly sign: AuthHeaders | null;
  /** Values that must never appear in an error (the API secret). */
  readonly secrets: readonly string[];
  readonly onRequest?: ((event: PaveRequestEvent) => void) | undefined;
  readonly onResponse?: ((event: PaveResponseEvent) => void) | undefined;
};

/** Sends a call with retries and returns its parsed 2xx body. */
export type Transport = <T>(call: ApiCall<T>, options?: RequestOptions) => Promise<T>;

/** The answers of conditional GETs a transport keeps, by URL: at most this many, the least recently used dropped. */
const keptAnswers = 64;

/** A kept answer: its tag and its body as sent. */
type KeptAnswer = { readonly tag: string; readonly text: string };

/** The last answers of conditional GETs, by URL (see {@link ApiCall.conditional}). */
function createAnswerCache() {
  const answers = new Map<string, KeptAnswer>();
  return {
    get(url: string): KeptAnswer | undefined {
      const answer = answers.get(url);
      if (answer) {
        answers.delete(url);
        answers.set(url, answer);
      }
      return answer;
    },
    set(url: string, answer: KeptAnswer): void {
      answers.delete(url);
      if (answers.size >= keptAnswers) answers.delete(answers.keys().next().value ?? '');
      answers.set(url, answer);
    },
  };
}

type AnswerCache = ReturnType<typeof createAnswerCache>;

/** The hooks of a conditional GET: ask with the kept tag; keep a tagged 200; turn a 304 into the kept 200. */
function conditionalHooks(cache: AnswerCache): Hooks {
  return {
    beforeRequest: [
      ({ request }) => {
        const kept = cache.get(request.url);
        if (kept) request.headers.set('If-None-Match', kept.tag);
      },
    ],
    beforeRetry: [
      ({ request }) => {
        const kept = cache.get(request.url);
        if (kept) request.headers.set('If-None-Match', kept.tag);
      },
    ],
    afterResponse: [
      async ({ request, response }) => {
        const tag = response.headers.get('ETag');
        if (response.status === 200 && tag) cache.set(request.url, { tag, text: await response.text() });
        const kept = response.status === 304 ? cache.get(request.url) : undefined;
        if (!kept) return undefined;
        return new Response(kept.text, {
          status: 200,
          headers: { 'Content-Type': 'application/json', ETag: kept.tag },
        });
      },
    ],
  };
}

/** Both sets of hooks, in order. */
function joinHooks(first: Hooks, second: Hooks): Hooks {
  return {
    beforeRequest: [...(first.beforeRequest ?? []), ...(second.beforeRequest ?? [])],
    beforeRetry: [...(first.beforeRetry ?? []), ...(second.beforeRetry ?? [])],
    afterResponse: [...(first.afterResponse ?? []), ...(second.afterResponse ?? [])],
  };
}

/** What one call's hooks learnt, for the error that may end it. */
type CallRecord = {
  url?: string;
  status?: number;
  /** The signed header values of the latest attempt, to cut out of error messages. */
  auth: readonly string[];
  /** Whatever the signer, `onRequest` or `onResponse` threw: it rejects the call unchanged. */
  hookFailure?: { error: unknown };
};

async function inHook(record: CallRecord, work: () => Promise<void> | void): Promise<void> {
  try {
    await work();
  } catch (error) {
    record.hookFailure = { error };
    throw error;
  }
}

/**
 * The hooks of one call: sign each attempt afresh (a retry gets a new timestamp and token, set on the request ky
 * is about to send) and report it to `onRequest`; report each response, whatever its status, to `onResponse`.
 */
function callHooks(settings: TransportSettings, method: HttpMethod, record: CallRecord): Hooks {
  let startedAt = 0;
  const begin = (request: KyRequest, attempt: number) =>
    inHook(record, async () => {
      const auth: Readonly<Record<string, string>> = settings.sign ? await settings.sign() : {};
      for (const [name, value] of Object.entries(auth)) request.headers.set(name, value);
      record.auth = Object.values(auth);
      record.url = request.url;
      settings.onRequest?.({ method, url: request.url, attempt });
      startedAt = performance.now();
    });
  return {
    beforeRequest: [({ request }) => begin(request, 1)],
    beforeRetry: [({ request, retryCount }) => begin(request, retryCount + 1)],
    afterResponse: [
      ({ request, response, retryCount }) =>
        inHook(record, () => {
          record.status = response.status;
          const durationMs = Math.round(performance.now() - startedAt);
          const event = { method, url: request.url, attempt: retryCount + 1, status: response.status, durationMs };
          settings.onResponse?.(event);
        }),
    ],
  };
}

function bodyOptions(call: ApiCall<unknown>): Options {
  if (call.form) return { body: call.form };
  return call.json === undefined ? {} : { json: call.json };
}

/**
 * A transport over one base URL, on one ky instance: ky applies the per-attempt timeout, retries per the
 * {@link RetryPolicy} (see {@link kyRetryOptions}) and validates the 2xx body with the call's schema; hooks sign
 * each attempt. An abort rejects at once with the signal's reason, even during a backoff wait.
 */
export function createTransport(settings: TransportSettings): Transport {
  const api = ky.create({
    prefix: settings.baseUrl,
    timeout: settings.timeoutMs,
    retry: kyRetryOptions(settings.retry),
    fetch: settings.fetch,
  });
  const answers = createAnswerCache();
  return async <T>(call: ApiCall<T>, options: RequestOptions = {}): Promise<T> => {
    const { signal } = options;
    signal?.throwIfAborted();
    const record: CallRecord = { auth: [] };
    try {
      const answer = api(call.path, {
        method: call.method,
        ...(call.query ? { searchParams: call.query } : {}),
        ...bodyOptions(call),
        ...(signal ? { signal } : {}),
        ...(call.timeoutMs === undefined ? {} : { timeout: call.timeoutMs }),
        ...(call.retry === false ? { retry: 0 } : {}),
        hooks: call.conditional
          ? joinHooks(callHooks(settings, call.method, record), conditionalHooks(answers))
          : callHooks(settings, call.method, record),
      });
      return await (call.read ? call.read(await answer) : answer.json(call.schema));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (record.hookFailure) throw record.hookFailure.error;
      const secrets = [...settings.secrets, ...record.auth];
      // the URL is unknown only when ky failed before its first hook; join it as ky's `prefix` does
      const url = record.url ?? `${settings.baseUrl.replace(/\/+$/, '')}${call.path}`;
      const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
      const failed = { method: call.method, url, timeoutMs, status: record.status, secrets };
      throw mapKyError(error, failed);
    }
  };
}
