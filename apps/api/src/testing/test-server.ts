import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, type AppDeps } from '../app.js';
import { createLogger } from '../logger.js';
import type { Repository } from '../storage/repository.js';

/** A running app on a loopback port, with its log lines captured. */
export type TestServer = {
  readonly baseUrl: string;
  readonly repo: Repository;
  /** Every JSON log line written so far. */
  readonly logs: string[];
  close(): Promise<void>;
};

/** Starts `createApp` on 127.0.0.1, port 0, over real HTTP; `publicBaseUrl` is the server's own address. */
export async function startTestServer(
  repo: Repository,
  options: Omit<AppDeps, 'repo' | 'logger' | 'publicBaseUrl'> = {},
): Promise<TestServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createApp({ repo, logger: createLogger('info', sink), publicBaseUrl: baseUrl, ...options });
  server.on('request', app);
  return {
    baseUrl,
    repo,
    logs,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A clock a test moves by hand. */
export type TestClock = { now: Date; readonly read: () => Date };

/** A clock standing at `start` until the test sets `clock.now`. */
export function createTestClock(start: Date): TestClock {
  const clock: TestClock = { now: start, read: () => clock.now };
  return clock;
}
