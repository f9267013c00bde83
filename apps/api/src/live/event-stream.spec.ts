import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEventStream, type EventStream, type EventStreamOptions, type StreamEndReason } from './event-stream.js';

type Harness = { server: Server; url: string; opened: Promise<{ stream: EventStream; ends: StreamEndReason[] }> };

async function serve(options: EventStreamOptions): Promise<Harness> {
  let resolveOpened: (value: { stream: EventStream; ends: StreamEndReason[] }) => void = () => undefined;
  const opened = new Promise<{ stream: EventStream; ends: StreamEndReason[] }>((resolve) => (resolveOpened = resolve));
  const server = createServer((_req, res) => {
    const ends: StreamEndReason[] = [];
    resolveOpened({ stream: startEventStream(res, options, (why) => ends.push(why)), ends });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, opened };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function get(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => request(url, resolve).on('error', reject).end());
}

function readUntil(res: IncomingMessage, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      if (done(text)) resolve(text);
    });
    res.on('end', () => resolve(text));
    res.on('error', reject);
  });
}

const roomy: EventStreamOptions = { heartbeatMs: 60_000, maxBufferedBytes: 1 << 20, retryMs: 1500 };

describe('startEventStream', () => {
  it('answers text/event-stream, suggests a retry delay and writes events as id, event and data lines', async () => {
    const harness = await serve(roomy);
    try {
      const res = await get(harness.url);
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache, no-transform');
      const { stream, ends } = await harness.opened;
      expect(stream.send({ id: '7', event: 'SESSION:STATUS_CHANGE', data: { status: 'STARTED' } })).toBe(true);
      stream.end('finished');
      const text = await readUntil(res, () => false);
      expect(text).toBe('retry: 1500\n\nid: 7\nevent: SESSION:STATUS_CHANGE\ndata: {"status":"STARTED"}\n\n');
      expect(ends).toEqual(['finished']);
      expect(stream.send({ id: '8', event: 'x', data: null })).toBe(false);
    } finally {
      await close(harness.server);
    }
  });

  it('sends a heartbeat comment when idle', async () => {
    const harness = await serve({ ...roomy, heartbeatMs: 30 });
    try {
      const res = await get(harness.url);
      const text = await readUntil(res, (seen) => seen.includes(': heartbeat\n\n'));
      expect(text).toContain(': heartbeat\n\n');
      (await harness.opened).stream.end('finished');
    } finally {
      await close(harness.server);
    }
  });

  it('cuts a reader that does not keep up once its unsent bytes pass the bound', async () => {
    const harness = await serve({ ...roomy, maxBufferedBytes: 64 * 1024 });
    try {
      const res = await get(harness.url);
      res.pause();
      const { stream, ends } = await harness.opened;
      const data = 'x'.repeat(1000);
      let sent = 0;
      while (stream.send({ id: String(sent + 1), event: 'e', data })) {
        sent += 1;
        if (sent > 100_000) throw new Error('the stream never cut the paused reader');
      }
      expect(ends).toEqual(['slow_reader']);
      expect(stream.ended).toBe(true);
      res.destroy();
    } finally {
      await close(harness.server);
    }
  });

  it('ends, once, when the reader goes away', async () => {
    const harness = await serve(roomy);
    try {
      const res = await get(harness.url);
      const { stream, ends } = await harness.opened;
      res.destroy();
      for (let waited = 0; !stream.ended && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      expect(ends).toEqual(['client_closed']);
    } finally {
      await close(harness.server);
    }
  });
});
