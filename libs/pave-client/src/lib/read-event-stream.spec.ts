import { readEventStream, type StreamItem } from './read-event-stream.js';

function bodyOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function readAll(chunks: readonly string[], lastEventId: string | null = null): Promise<StreamItem[]> {
  const items: StreamItem[] = [];
  for await (const item of readEventStream(bodyOf(chunks), lastEventId)) items.push(item);
  return items;
}

describe('readEventStream', () => {
  it('reads id, event and data fields, joins data lines and keeps the id across messages', async () => {
    expect(
      await readAll(['retry: 10\n\nid: 1\nevent: a\ndata: {"x":\ndata: 1}\n\n', 'event: b\ndata:two\n\n']),
    ).toEqual([
      { lastEventId: '1', event: 'a', data: '{"x":\n1}' },
      { lastEventId: '1', event: 'b', data: 'two' },
    ]);
  });

  it('parses the same whatever the chunk boundaries and line ends (LF, CR, CRLF)', async () => {
    const text = 'id: 7\r\nevent: e\rdata: d\n\n: ping\r\n\r\nid: 8\r\ndata: é\r\n\r\n';
    const whole = await readAll([text]);
    expect(whole).toEqual([
      { lastEventId: '7', event: 'e', data: 'd' },
      'comment',
      { lastEventId: '8', event: 'message', data: 'é' },
    ]);
    const bytes = new TextEncoder().encode(text);
    const single = [...bytes].map((byte) => String.fromCharCode(byte));
    // one byte at a time, as UTF-8 (é is split across chunks)
    const items: StreamItem[] = [];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    for await (const item of readEventStream(stream)) items.push(item);
    expect(single.length).toBe(bytes.length);
    expect(items).toEqual(whole);
  });

  it('does not dispatch a message without data, nor an unfinished one, and ignores an id with NUL', async () => {
    expect(await readAll(['id: 3\n\nid: 4\u0000\ndata: x\n\ndata: cut'], '2')).toEqual([
      { lastEventId: '3', event: 'message', data: 'x' },
    ]);
  });
});
