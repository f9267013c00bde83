import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, createRequestListener, type AppDeps } from '../app.js';
import { renderDefaultImages, type DefaultImages } from '../capture/default-images.js';
import { answerClientError } from '../http/client-error.js';
import { createFolderImageStore } from '../images/folder-image-store.js';
import type { ImageStore } from '../images/image-store.js';
import { createLogger } from '../logger.js';
import type { Repository } from '../storage/repository.js';
import { testSecretBox } from './test-secret-box.js';

/** A running app on a loopback port, with its log lines captured. */
export type TestServer = {
  readonly baseUrl: string;
  readonly repo: Repository;
  /** Every JSON log line written so far. */
  readonly logs: string[];
  /** The image store the app writes to (a temporary folder unless the test gave one). */
  readonly images: ImageStore;
  /** The folder holding `images/` (null when the test gave its own store). */
  readonly dataDir: string | null;
  close(): Promise<void>;
};

/**
 * What a test may set; images default to a fresh temporary folder and the shared default images, the public base
 * URL to the server's own address. `expressOnly` serves every request through Express, without the photos fast
 * path in front (createApp instead of createRequestListener).
 */
export type TestServerOptions = Omit<
  AppDeps,
  'repo' | 'logger' | 'publicBaseUrl' | 'images' | 'defaultImages' | 'secretBox'
> &
  Partial<Pick<AppDeps, 'publicBaseUrl' | 'images' | 'defaultImages' | 'secretBox'>> & {
    readonly expressOnly?: boolean;
  };

export { testSecretBox };

let sharedDefaultImages: Promise<DefaultImages> | null = null;

/** The default images, rendered once per test file. */
export function testDefaultImages(): Promise<DefaultImages> {
  sharedDefaultImages ??= renderDefaultImages();
  return sharedDefaultImages;
}

/** Starts the app on 127.0.0.1, port 0, over real HTTP; `publicBaseUrl` is the server's own address unless given. */
export async function startTestServer(repo: Repository, options: TestServerOptions = {}): Promise<TestServer> {
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
  const server: Server = createServer().on('clientError', answerClientError);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = options.images ? null : mkdtempSync(join(tmpdir(), 'pave-images-'));
  const images = options.images ?? (await createFolderImageStore(dataDir ?? ''));
  const defaultImages = options.defaultImages ?? (await testDefaultImages());
  const logger = createLogger('info', sink);
  const { expressOnly = false, ...deps } = options;
  const appDeps: AppDeps = {
    repo,
    logger,
    publicBaseUrl: baseUrl,
    secretBox: testSecretBox,
    ...deps,
    images,
    defaultImages,
  };
  server.on('request', expressOnly ? createApp(appDeps) : createRequestListener(appDeps));
  return {
    baseUrl,
    repo,
    logs,
    images,
    dataDir,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A clock a test moves by hand. */
export type TestClock = { now: Date; readonly read: () => Date };

/** A clock standing at `start` until the test sets `clock.now`. */
export function createTestClock(start: Date): TestClock {
  const clock: TestClock = { now: start, read: () => clock.now };
  return clock;
}
