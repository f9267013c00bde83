import type * as z from 'zod/mini';
import { AttemptTimeoutError, HttpStatusError, mapTransportError, SchemaMismatchError } from './map-transport-error.js';
import { isRetryable, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { sleep } from './sleep.js';

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

/** What one call learnt, for the error that may end it. */
type CallRecord = {
  url?: string;
  status?: number;
  /** The signed header values of the latest attempt, to cut out of error messages. */
  auth: readonly string[];
  /** Whatever the signer, `onRequest` or `onResponse` threw: it rejects the call unchanged. */
  hookFailure?: { error: unknown };
};

async function inHook<T>(record: CallRecord, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    record.hookFailure = { error };
    throw error;
  }
}

/** `baseUrl` (which may have a base path) joined with the call's path, plus the query parameters that are given. */
function urlOf(baseUrl: string, call: ApiCall<unknown>): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${call.path}`;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) query.append(name, String(value));
  }
  const search = query.toString();
  return search ? `${url}?${search}` : url;
}

function bodyOf(call: ApiCall<unknown>): { body?: BodyInit; type?: string } {
  if (call.form) return { body: call.form };
  return call.json === undefined ? {} : { body: JSON.stringify(call.json), type: 'application/json' };
}

/**
 * Runs `work` with a signal that aborts after `timeoutMs` or when the caller's signal aborts, and rejects at that
 * moment whether `work` notices or not: with an {@link AttemptTimeoutError}, or with the caller's signal's reason.
 * With `keepLinked`, the caller's signal stays linked afterwards, so that aborting it still cancels a body that is
 * read later (a download's stream).
 */
async function withTimeout<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
  keepLinked = false,
): Promise<T> {
  const controller = new AbortController();
  const stopped = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
  });
  const timer = setTimeout(() => controller.abort(new AttemptTimeoutError(timeoutMs)), timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const running = work(controller.signal);
  // whichever loses the race settles later, unobserved
  stopped.catch(() => undefined);
  running.catch(() => undefined);
  try {
    return await Promise.race([running, stopped]);
  } finally {
    clearTimeout(timer);
    if (!keepLinked) signal?.removeEventListener('abort', onAbort);
  }
}

/** One attempt's request, signed afresh, with the kept tag of a conditional GET. */
async function requestOf(
  settings: TransportSettings,
  call: ApiCall<unknown>,
  url: string,
  kept: KeptAnswer | undefined,
  record: CallRecord,
): Promise<Headers> {
  const headers = new Headers();
  const { type } = bodyOf(call);
  if (type) headers.set('Content-Type', type);
  if (!call.read) headers.set('Accept', 'application/json');
  if (kept) headers.set('If-None-Match', kept.tag);
  const auth = await inHook(record, async () => (settings.sign ? await settings.sign() : {}));
  for (const [name, value] of Object.entries(auth)) headers.set(name, value);
  record.auth = Object.values(auth);
  record.url = url;
  return headers;
}

/**
 * One attempt: sign it, report it to `onRequest`, send it within the timeout, report the answer to `onResponse`.
 * Resolves with a 2xx answer (a conditional GET's 304 becomes the kept 200); rejects with an {@link HttpStatusError}
 * for any other status.
 */
async function attempt(
  settings: TransportSettings,
  call: ApiCall<unknown>,
  context: CallContext & { attempt: number },
): Promise<Response> {
  const { url, answers, record, signal } = context;
  const kept = call.conditional ? answers.get(url) : undefined;
  const headers = await requestOf(settings, call, url, kept, record);
  const { method } = call;
  await inHook(record, () => settings.onRequest?.({ method, url, attempt: context.attempt }));
  const startedAt = performance.now();
  const init: RequestInit = { method, headers, body: bodyOf(call).body ?? null };
  // the answer's headers, and a body read here, within the attempt's timeout
  return withTimeout(
    settings.timeoutMs,
    signal,
    async (attemptSignal) => {
      const response = await settings.fetch(new Request(url, { ...init, signal: attemptSignal }));
      record.status = response.status;
      const durationMs = Math.round(performance.now() - startedAt);
      const event = { method, url, attempt: context.attempt, status: response.status, durationMs };
      await inHook(record, () => settings.onResponse?.(event));
      if (call.conditional) {
        const tag = response.headers.get('ETag');
        if (response.status === 200 && tag) {
          const text = await response.text();
          answers.set(url, { tag, text });
          return new Response(text, { status: 200, headers: response.headers });
        }
        const latest = response.status === 304 ? answers.get(url) : undefined;
        if (latest) {
          const headers = { 'Content-Type': 'application/json', ETag: latest.tag };
          return new Response(latest.text, { status: 200, headers });
        }
      }
      if (response.ok) return response;
      throw new HttpStatusError(response.status, response.headers, await response.text().catch(() => ''));
    },
    Boolean(call.read),
  );
}

/** Reads a 2xx JSON body (within the timeout: the answer has arrived, so it is not retried) and checks its schema. */
async function parseBody<T>(
  response: Response,
  schema: z.core.$ZodType<T>,
  settings: TransportSettings,
  signal: AbortSignal | undefined,
): Promise<T> {
  const text = await withTimeout(settings.timeoutMs, signal, () => response.text());
  const value: unknown = text === '' ? undefined : JSON.parse(text);
  const result = await schema['~standard'].validate(value);
  if (result.issues) throw new SchemaMismatchError(result.issues as unknown as readonly z.core.$ZodIssue[]);
  return result.value as T;
}

type CallContext = { url: string; answers: AnswerCache; record: CallRecord; signal?: AbortSignal | undefined };

/** Sends the call's attempts until one answers 2xx, a failure is not retried, or the retries run out. */
async function sendWithRetries(settings: TransportSettings, call: ApiCall<unknown>, context: CallContext) {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt(settings, call, { ...context, attempt: retry + 1 });
    } catch (error) {
      if (context.record.hookFailure || context.signal?.aborted) throw error;
      if (retry >= settings.retry.limit || !isRetryable(error, call.method)) throw error;
      await sleep(retryDelayMs(settings.retry, retry + 1, error), context.signal);
    }
  }
}

/** The client's settings, with the call's own deadline and retry choice where it has them. */
function settingsOfCall(settings: TransportSettings, call: ApiCall<unknown>): TransportSettings {
  if (call.timeoutMs === undefined && call.retry !== false) return settings;
  return {
    ...settings,
    timeoutMs: call.timeoutMs ?? settings.timeoutMs,
    retry: call.retry === false ? { ...settings.retry, limit: 0 } : settings.retry,
  };
}

/**
 * A transport over one base URL, on plain `fetch`: each attempt gets its own timeout and is signed afresh; failures
 * are retried per the {@link RetryPolicy} (see `isRetryable`, `retryDelayMs`) and the 2xx body is validated with the
 * call's schema. An abort rejects at once with the signal's reason, even during a backoff wait.
 */
export function createTransport(baseSettings: TransportSettings): Transport {
  const answers = createAnswerCache();
  return async <T>(call: ApiCall<T>, options: RequestOptions = {}): Promise<T> => {
    const { signal } = options;
    signal?.throwIfAborted();
    const record: CallRecord = { auth: [] };
    const url = urlOf(baseSettings.baseUrl, call);
    const settings = settingsOfCall(baseSettings, call);
    try {
      const response = await sendWithRetries(settings, call, { url, answers, record, signal });
      return await (call.read ? call.read(response) : parseBody(response, call.schema, settings, signal));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (record.hookFailure) throw record.hookFailure.error;
      const secrets = [...settings.secrets, ...record.auth];
      const failed = { method: call.method, url, timeoutMs: settings.timeoutMs, status: record.status, secrets };
      throw mapTransportError(error, failed);
    }
  };
}
