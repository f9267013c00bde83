import { isTerminalStatus, streamEndEvent, type StreamEnd } from '@pave/domain';
import { answer, withSession, type FakeAnswer, type FakeHandler, type FakeRouteContext } from './fake-api-answers.js';
import type { FakeRecordedEvent } from './fake-api-store.js';

/** What one stream delivers: which events, the `id:` of each, and when it is over. */
type StreamPlan = {
  readonly includes: (event: FakeRecordedEvent) => boolean;
  readonly idOf: (event: FakeRecordedEvent) => number;
  /** The end message once the stream is over (the session is terminal); null while it goes on. */
  readonly end: () => StreamEnd | null;
};

const encoder = new TextEncoder();

function message(id: number, event: string, data: unknown): Uint8Array {
  return encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * A `text/event-stream` answer as the API streams it: the events after `Last-Event-ID` at once, then each one as it
 * is recorded, and `STREAM:END` when the session is terminal. The stream closes when the reader aborts.
 */
function streamAnswer({ request, store }: FakeRouteContext, plan: StreamPlan): FakeAnswer {
  const after = Number(request.headers.get('Last-Event-ID') ?? '0') || 0;
  let stop = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let sent = after;
      const close = () => {
        stop();
        controller.close();
      };
      const flush = () => {
        for (const event of store.events()) {
          if (!plan.includes(event) || plan.idOf(event) <= sent) continue;
          sent = plan.idOf(event);
          controller.enqueue(message(sent, event.body.event, event.body));
        }
        const end = plan.end();
        if (end === null) return;
        controller.enqueue(message(sent, streamEndEvent, end));
        close();
      };
      const unsubscribe = store.onEvent(flush);
      const onAbort = () => {
        stop();
        controller.error(request.signal.reason);
      };
      stop = () => {
        unsubscribe();
        request.signal.removeEventListener('abort', onAbort);
      };
      request.signal.addEventListener('abort', onAbort, { once: true });
      controller.enqueue(encoder.encode(': open\n\n'));
      flush();
    },
    cancel() {
      stop();
    },
  });
  return { ...answer(200, null), stream };
}

/** The live event streams, `GET /v1/sessions/:key/events` and `GET /v1/events`, from the fake's recorded events. */
export const eventsRoutes = {
  'GET /v1/sessions/:key/events': (context) =>
    withSession(context, (entry) =>
      streamAnswer(context, {
        includes: (event) => event.sessionKey === entry.session.session_key,
        idOf: (event) => event.seq,
        end: () => {
          const { status } = entry.session;
          return isTerminalStatus(status) ? { reason: 'session_terminal', status } : null;
        },
      }),
    ),
  'GET /v1/events': (context) =>
    streamAnswer(context, { includes: () => true, idOf: (event) => event.position, end: () => null }),
} satisfies Record<string, FakeHandler>;
