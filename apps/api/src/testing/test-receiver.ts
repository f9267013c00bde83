import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export type ReceivedWebhook = {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** When it arrived (epoch milliseconds). */
  readonly at: number;
};

/** A real HTTP receiver of webhooks on a loopback port, which can go down and come back on the same port. */
export type TestReceiver = {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** The status it answers with (200 unless set). */
  status: number;
  /** While true, requests are recorded on arrival but not answered (a receiver that hangs) until `release`. */
  hold: boolean;
  /** Answers the requests held so far (those whose connection is still open). */
  release(): void;
  /** Stops listening (connections refused) until `up`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Resolves once `count` requests were received (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
};

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts a receiver on 127.0.0.1, port 0. */
export async function startTestReceiver(): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver = { status: 200, hold: false };
  const held: (() => void)[] = [];
  const makeServer = () =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const answer = () => res.writeHead(receiver.status, { 'content-type': 'text/plain' }).end('ok');
        if (receiver.hold) held.push(answer);
        else answer();
      });
    });
  let server = makeServer();
  const port = await listen(server, 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    down: stop,
    release() {
      for (const answer of held.splice(0)) answer();
    },
    async up() {
      server = makeServer();
      await listen(server, port);
    },
    async waitFor(count: number, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`received ${received.length} of ${count} webhooks in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received.slice(0, count);
    },
    close: stop,
  });
}
