import type { LiveEvent } from '@pave/domain';
import type { TransportSettings } from './create-transport.js';
import { followEvents, type StreamState } from './follow-events.js';
import { PaveApiError, PaveNotFoundError, PaveResponseError } from './pave-client-error.js';
import { defaultRetryPolicy } from './retry-policy.js';

const key = 'ACM-0000000001';
const statusChange = (seq: number, status: string, previous: string) =>
  JSON.stringify({ event: 'SESSION:STATUS_CHANGE', session_key: key, status, previous_status: previous, seq });
const message = (id: number, data: string, event = 'SESSION:STATUS_CHANGE') =>
  `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;

/** A scripted connection: its status, and the chunks of its body (a stream left open unless `close`). */
type Script = {
  status?: number;
  headers?: Record<string, string>;
  chunks?: readonly string[];
  close?: boolean;
  body?: string;
};

function scriptedFetch(scripts: readonly Script[]) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const script = scripts[requests.length];
    requests.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    if (!script) throw new TypeError('fetch failed');
    const status = script.status ?? 200;
    if (status !== 200)
      return new Response(script.body ?? JSON.stringify({ message: 'no' }), { status, headers: script.headers ?? {} });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of script.chunks ?? []) controller.enqueue(encoder.encode(chunk));
        if (script.close ?? true) controller.close();
        init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

function settingsWith(fetch: typeof globalThis.fetch): TransportSettings {
  return {
    baseUrl: 'http://pave.test/',
    timeoutMs: 1000,
    retry: defaultRetryPolicy,
    fetch,
    sign: async () => ({ 'API-Key': 'key-1234567890', 'API-Token': 't', 'API-Timestamp': 'now' }),
    secrets: [],
  };
}

const quick = { reconnectDelayMs: 1, maxReconnectDelayMs: 5 };

async function collect(iterator: AsyncIterable<LiveEvent>, count = Infinity): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  for await (const event of iterator) {
    events.push(event);
    if (events.length >= count) break;
  }
  return events;
}

describe('followEvents', () => {
  it('yields typed events in order and resumes after the last one read when the connection drops', async () => {
    const { fetch, requests } = scriptedFetch([
      { chunks: [': hello\n\n', message(1, statusChange(1, 'STARTED', 'IDLE'))] },
      {
        chunks: [
          message(2, statusChange(2, 'EXPIRED', 'STARTED')),
          'event: STREAM:END\ndata: {"reason":"session_terminal","status":"EXPIRED"}\n\n',
        ],
      },
    ]);
    const states: StreamState[] = [];
    const events = await collect(
      followEvents(settingsWith(fetch), `/v1/sessions/${key}/events`, { ...quick, onState: (s) => states.push(s) }),
    );
    expect(events.map((event) => [event.id, event.body.event, event.body.seq])).toEqual([
      ['1', 'SESSION:STATUS_CHANGE', 1],
      ['2', 'SESSION:STATUS_CHANGE', 2],
    ]);
    expect(
      requests.map((request) => [request.url, request.headers['Last-Event-ID'], request.headers['API-Key']]),
    ).toEqual([
      [`http://pave.test/v1/sessions/${key}/events`, undefined, 'key-1234567890'],
      [`http://pave.test/v1/sessions/${key}/events`, '1', 'key-1234567890'],
    ]);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open', 'closed']);
  });

  it('starts after lastEventId, and skips events it does not know', async () => {
    const { fetch, requests } = scriptedFetch([
      {
        chunks: [
          message(5, '{"event":"SESSION:FUTURE"}', 'SESSION:FUTURE'),
          message(6, statusChange(6, 'STARTED', 'IDLE')),
          'event: STREAM:END\ndata: {}\n\n',
        ],
      },
    ]);
    const events = await collect(followEvents(settingsWith(fetch), '/v1/events', { ...quick, lastEventId: '4' }));
    expect(events.map((event) => event.id)).toEqual(['6']);
    expect(requests[0]?.headers['Last-Event-ID']).toBe('4');
  });

  it('retries a busy server (429, 503) and a failed connection, and gives up at once on 404 and 401', async () => {
    const busy = scriptedFetch([
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 503 },
      { chunks: [message(1, statusChange(1, 'STARTED', 'IDLE'))], close: false },
    ]);
    expect((await collect(followEvents(settingsWith(busy.fetch), '/v1/events', quick), 1)).length).toBe(1);
    expect(busy.requests.length).toBe(3);
    const missing = scriptedFetch([{ status: 404, body: '{"message":"Session cannot be found."}' }]);
    await expect(collect(followEvents(settingsWith(missing.fetch), '/v1/events', quick))).rejects.toBeInstanceOf(
      PaveNotFoundError,
    );
    const refused = scriptedFetch([{ status: 401 }]);
    const error: unknown = await collect(followEvents(settingsWith(refused.fetch), '/v1/events', quick)).catch(
      (e: unknown) => e,
    );
    expect([error instanceof PaveApiError, (error as PaveApiError).status]).toEqual([true, 401]);
  });

  it('rejects a known event with a malformed body', async () => {
    const { fetch } = scriptedFetch([{ chunks: [message(1, '{"event":"SESSION:STATUS_CHANGE"}')] }]);
    await expect(collect(followEvents(settingsWith(fetch), '/v1/events', quick))).rejects.toBeInstanceOf(
      PaveResponseError,
    );
  });

  it('reconnects when the stream stays silent past idleTimeoutMs', async () => {
    const { fetch, requests } = scriptedFetch([
      { chunks: [], close: false },
      { chunks: [message(1, statusChange(1, 'STARTED', 'IDLE'))], close: false },
    ]);
    const events = await collect(followEvents(settingsWith(fetch), '/v1/events', { ...quick, idleTimeoutMs: 30 }), 1);
    expect([events.length, requests.length]).toEqual([1, 2]);
  });

  it("rejects with the signal's reason when aborted, also while open", async () => {
    const { fetch } = scriptedFetch([{ chunks: [message(1, statusChange(1, 'STARTED', 'IDLE'))], close: false }]);
    const controller = new AbortController();
    const reason = new Error('stop');
    const iterator = followEvents(settingsWith(fetch), '/v1/events', { ...quick, signal: controller.signal });
    expect((await iterator.next()).value?.id).toBe('1');
    const pending = iterator.next();
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
