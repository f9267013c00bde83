import { ApiErrorBody, CallbackEvent, streamEndEvent, WebhookEventBody, type LiveEvent } from '@pave/domain';
import { createApiError, isPaveClientError, PaveResponseError } from './pave-client-error.js';
import { readEventStream } from './read-event-stream.js';
import { retryableStatuses } from './retry-policy.js';
import type { TransportSettings } from './create-transport.js';
import { sleep } from './sleep.js';

/** Where a live stream stands; told to `onState` on every change. */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Options of `sessions.events` and `sessions.allEvents`. */
export type EventsOptions = {
  /** Stops the stream: the iterator rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Start after this event (an `id` already read); default: from the first event. */
  lastEventId?: string | undefined;
  /** No byte (event or heartbeat) for this long means the connection is dead: reconnect. Default 45000 ms. */
  idleTimeoutMs?: number | undefined;
  /** The first wait before reconnecting; it doubles while reconnects fail, up to `maxReconnectDelayMs`. Default 250. */
  reconnectDelayMs?: number | undefined;
  /** Default 15000 ms. */
  maxReconnectDelayMs?: number | undefined;
  /** Told when the stream connects, opens, loses its connection or ends. Should not throw. */
  onState?: ((state: StreamState) => void) | undefined;
};

/** Seconds or an HTTP date, as `Retry-After` says; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

async function errorBodyOf(response: Response): Promise<ApiErrorBody> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = ApiErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: described below
  }
  return { message: `The API answered ${response.status} without a readable error message.` };
}

/** Parses one message's data as the body of its event; null for events this client does not know (a newer server). */
function liveEventOf(event: string, data: string, id: string): LiveEvent | null {
  if (!CallbackEvent.safeParse(event).success) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  const parsed = WebhookEventBody.safeParse(json);
  if (!parsed.success || parsed.data.event !== event) {
    const issues = parsed.success ? [] : parsed.error.issues;
    throw new PaveResponseError(`The event stream sent a ${event} event with an unexpected body.`, {
      status: 200,
      issues,
    });
  }
  return { id, body: parsed.data };
}

/** An abort controller that follows `parent` and can also be aborted on its own (one connection). */
function childController(parent: AbortSignal | undefined): { controller: AbortController; detach: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort(parent?.reason);
  if (parent?.aborted) abort();
  parent?.addEventListener('abort', abort, { once: true });
  return { controller, detach: () => parent?.removeEventListener('abort', abort) };
}

/** How one connection ended: the stream is over for good, or the caller may reconnect after at least `waitMs`. */
type ConnectionEnd = { readonly over: true } | { readonly over: false; readonly waitAtLeastMs: number | null };

/** One connection's worth of a stream: what it needs, and what it tells as it reads. */
type Connection = {
  readonly settings: TransportSettings;
  readonly url: string;
  readonly signal: AbortSignal | undefined;
  readonly lastEventId: string | null;
  readonly idleTimeoutMs: number;
  readonly opened: () => void;
};

/** Opens one connection and yields its events until it ends; throws the refusals that must not be retried. */
async function* readConnection(
  connection: Connection,
  signal: AbortSignal,
  touch: () => void,
): AsyncGenerator<LiveEvent, ConnectionEnd, undefined> {
  const { settings } = connection;
  const auth = settings.sign ? await settings.sign() : {};
  const headers: Record<string, string> = { ...auth, Accept: 'text/event-stream' };
  if (connection.lastEventId !== null) headers['Last-Event-ID'] = connection.lastEventId;
  touch();
  const response = await settings.fetch(connection.url, { headers, signal, cache: 'no-store' });
  if (!response.ok) {
    const refusal = await errorBodyOf(response);
    if (!retryableStatuses.has(response.status)) throw createApiError(response.status, refusal);
    return { over: false, waitAtLeastMs: retryAfterMs(response.headers.get('Retry-After')) };
  }
  if (!response.body) return { over: false, waitAtLeastMs: null };
  connection.opened();
  for await (const item of readEventStream(response.body, connection.lastEventId)) {
    touch();
    if (item === 'comment') continue;
    if (item.event === streamEndEvent) return { over: true };
    const live = liveEventOf(item.event, item.data, item.lastEventId ?? '');
    if (live) yield live;
  }
  return { over: false, waitAtLeastMs: null };
}

/**
 * One connection with its own abort controller (the caller's signal, an idle watchdog, or the caller leaving) and
 * the end of it: a failed or idle connection ends as "reconnect"; refusals and malformed events are thrown.
 */
async function* connectOnce(connection: Connection): AsyncGenerator<LiveEvent, ConnectionEnd, undefined> {
  const { controller, detach } = childController(connection.signal);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => controller.abort(new Error('idle')), connection.idleTimeoutMs);
  };
  try {
    return yield* readConnection(connection, controller.signal, touch);
  } catch (error) {
    if (connection.signal?.aborted) throw connection.signal.reason;
    if (isPaveClientError(error)) throw error;
    return { over: false, waitAtLeastMs: null };
  } finally {
    clearTimeout(idle);
    controller.abort();
    detach();
  }
}

/**
 * Follows a live event stream (`text/event-stream` over fetch, which, unlike EventSource, sends the auth headers):
 * yields each event once, in order; reconnects with backoff when the connection drops, is idle too long, or the
 * server is busy (429, 5xx, `Retry-After` honoured), resuming after the last event read (`Last-Event-ID`); returns
 * when the server ends the stream for good (the session is terminal). Rejects with a {@link PaveApiError} on any
 * other refusal (401, 404, …), with a {@link PaveResponseError} for a malformed event, and with the signal's reason
 * when aborted. Breaking out of a `for await` closes the connection.
 */
export async function* followEvents(
  settings: TransportSettings,
  path: string,
  options: EventsOptions = {},
): AsyncGenerator<LiveEvent, void, undefined> {
  const { signal, onState } = options;
  const firstDelayMs = options.reconnectDelayMs ?? 250;
  const maxDelayMs = options.maxReconnectDelayMs ?? 15_000;
  const url = `${settings.baseUrl.replace(/\/+$/, '')}${path}`;
  let lastEventId = options.lastEventId ?? null;
  let failures = 0;
  let state: StreamState | null = null;
  const enter = (next: StreamState) => {
    if (next !== state) onState?.((state = next));
  };
  const backoff = (atLeastMs: number | null) => {
    failures += 1;
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - 1));
    // jitter: many readers cut at once (an instance stopping) do not all come back in the same millisecond
    return Math.max(atLeastMs ?? 0, delay * (0.8 + Math.random() * 0.4));
  };
  async function* follow(): AsyncGenerator<LiveEvent, void, undefined> {
    for (;;) {
      signal?.throwIfAborted();
      const opened = () => enter('open');
      const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
      const connection = connectOnce({ settings, url, signal, lastEventId, idleTimeoutMs, opened });
      const end = yield* remembering(connection, (event) => {
        lastEventId = event.id;
        failures = 0;
      });
      if (end.over) return;
      enter('reconnecting');
      await sleep(backoff(end.waitAtLeastMs), signal);
    }
  }
  try {
    enter('connecting');
    yield* follow();
  } finally {
    enter('closed');
  }
}

/** Passes a connection's events through, telling `seen` about each first; returns how the connection ended. */
async function* remembering(
  events: AsyncGenerator<LiveEvent, ConnectionEnd, undefined>,
  seen: (event: LiveEvent) => void,
): AsyncGenerator<LiveEvent, ConnectionEnd, undefined> {
  let finished = false;
  try {
    for (;;) {
      const next = await events.next();
      finished = next.done === true;
      if (next.done) return next.value;
      seen(next.value);
      yield next.value;
    }
  } finally {
    // the caller stopped reading (or a read threw): close the connection too
    if (!finished) await events.return({ over: true });
  }
}
