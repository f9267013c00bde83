import type { ServerResponse } from 'node:http';

/** How an event stream writes. */
export type EventStreamOptions = {
  /** A comment line is sent when nothing else was for this long, so that proxies keep the connection. */
  readonly heartbeatMs: number;
  /**
   * The most bytes an answer may hold unsent (the reader is slower than the events): past it the connection is cut,
   * and the reader resumes with `Last-Event-ID` when it reconnects.
   */
  readonly maxBufferedBytes: number;
  /** The reconnection delay suggested to EventSource readers (`retry:`). */
  readonly retryMs: number;
};

/** One event as written: `id:` and `event:` lines, then the JSON `data:` line. */
export type StreamEvent = { readonly id: string; readonly event: string; readonly data: unknown };

/** Why a stream ended. */
export type StreamEndReason = 'finished' | 'client_closed' | 'slow_reader' | 'shutdown';

/**
 * Starts a `text/event-stream` answer on `res` and returns what writes to it. `onEnd` is called once, whatever ends
 * the stream. A write that leaves more than `maxBufferedBytes` unsent cuts the connection (`slow_reader`).
 */
export function startEventStream(
  res: ServerResponse,
  options: EventStreamOptions,
  onEnd: (why: StreamEndReason) => void,
) {
  let ended = false;
  let lastWrite = Date.now();
  const end = (why: StreamEndReason) => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    onEnd(why);
    if (why === 'slow_reader') res.destroy();
    else if (!res.writableEnded) res.end();
    // shutting down: no keep-alive either, so that the server's close need not wait for this connection
    if (why === 'shutdown') res.socket?.end();
  };
  const write = (text: string): boolean => {
    if (ended) return false;
    res.write(text);
    lastWrite = Date.now();
    if (res.writableLength > options.maxBufferedBytes) {
      end('slow_reader');
      return false;
    }
    return true;
  };
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    // nginx and others buffer answers unless told not to
    'X-Accel-Buffering': 'no',
  });
  write(`retry: ${options.retryMs}\n\n`);
  const heartbeat = setInterval(
    () => {
      if (Date.now() - lastWrite >= options.heartbeatMs) write(': heartbeat\n\n');
    },
    Math.max(10, Math.floor(options.heartbeatMs / 2)),
  );
  heartbeat.unref();
  res.on('close', () => end('client_closed'));
  return {
    /** Writes one event; false when the stream has ended (or just ended: a slow reader). */
    send: (event: StreamEvent): boolean =>
      write(`id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`),
    /** Ends the stream. */
    end,
    get ended() {
      return ended;
    },
  };
}

/** An open event stream. */
export type EventStream = ReturnType<typeof startEventStream>;
