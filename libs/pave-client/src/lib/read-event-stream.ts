/** One message of a `text/event-stream`, as the HTML standard dispatches it. */
export type ServerSentEvent = {
  /** The stream's last event id after this message (an `id:` line here or before); null before any. */
  readonly lastEventId: string | null;
  /** `event:`, `message` when absent. */
  readonly event: string;
  /** The `data:` lines joined with newlines. */
  readonly data: string;
};

/** What the reader yields: a message, or `'comment'` for a comment line (a heartbeat: the stream is alive). */
export type StreamItem = ServerSentEvent | 'comment';

/** A line-by-line parser of the standard's rules; `line` returns what the line completes, if anything. */
function createLineParser(lastEventId: string | null) {
  let id = lastEventId;
  let event = '';
  let data: string[] = [];
  const dispatch = (): StreamItem | null => {
    const message = data.length > 0 ? { lastEventId: id, event: event || 'message', data: data.join('\n') } : null;
    event = '';
    data = [];
    return message;
  };
  const field = (name: string, value: string): void => {
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
    else if (name === 'id' && !value.includes('\0')) id = value;
  };
  return (line: string): StreamItem | null => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return 'comment';
    const colon = line.indexOf(':');
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    field(colon < 0 ? line : line.slice(0, colon), raw.startsWith(' ') ? raw.slice(1) : raw);
    return null;
  };
}

/** Splits decoded text into lines (CR, LF or CRLF), keeping an unfinished line and a CR that may start a CRLF. */
function createLineSplitter() {
  let buffer = '';
  let pendingCr = false;
  return (text: string): string[] => {
    const rest = pendingCr && text.startsWith('\n') ? text.slice(1) : text;
    buffer += rest;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    pendingCr = buffer === '' && rest.endsWith('\r');
    return lines;
  };
}

/**
 * Reads a `text/event-stream` body (the HTML standard's parsing rules: CR, LF or CRLF line ends, `field: value`
 * with one optional space, `data` lines joined, `id` kept across messages, an id with NUL ignored, a message without
 * data not dispatched). Runs in Node and browsers (TextDecoder over a byte stream).
 */
export async function* readEventStream(
  body: ReadableStream<Uint8Array>,
  lastEventId: string | null = null,
): AsyncGenerator<StreamItem> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const split = createLineSplitter();
  const parse = createLineParser(lastEventId);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const items = split(decoder.decode(value, { stream: true })).map(parse);
      yield* items.filter((item): item is StreamItem => item !== null);
    }
  } finally {
    // left early (the reader stopped) or done: either way nothing more is read
    await reader.cancel().catch(() => undefined);
  }
}
