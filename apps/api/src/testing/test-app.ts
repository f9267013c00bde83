import type { Repository } from '../storage/repository.js';
import { createTestAccount, type TestCredentials } from './test-accounts.js';
import {
  createTestClock,
  startTestServer,
  type TestClock,
  type TestServer,
  type TestServerOptions,
} from './test-server.js';
import type { TestImageStore } from './test-image-stores.js';
import type { TestStorage } from './test-storage.js';

/** One test's running app: its storage, the repository on it, a server on a clock the test moves, the account `acme`. */
export type TestApp = {
  readonly storage: TestStorage;
  /** Reassigned, with `server`, by a test that restarts the app on the same storage. */
  repo: Repository;
  server: TestServer;
  readonly clock: TestClock;
  readonly acme: TestCredentials;
  /** The image store the server writes to, when the test chose one (else the server's default folder). */
  readonly images: TestImageStore | null;
};

/** Options of {@link startTestApp}. */
export type TestAppOptions = {
  /** Makes the image store the server writes to (a folder or a bucket of a test backend). */
  readonly createImages?: () => Promise<TestImageStore>;
  /** Uploads in progress at once per session and client address (the app's defaults when absent). */
  readonly uploadShares?: TestServerOptions['uploadShares'];
};

/** Starts a {@link TestApp} on a fresh storage made by `createStorage`, its clock standing at `start`. */
export async function startTestApp(
  createStorage: () => Promise<TestStorage>,
  start: Date,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const storage = await createStorage();
  const repo = await storage.open();
  const images = options.createImages ? await options.createImages() : null;
  const clock = createTestClock(start);
  const server = await startTestServer(repo, {
    now: clock.read,
    ...(images ? { images: images.store } : {}),
    ...(options.uploadShares ? { uploadShares: options.uploadShares } : {}),
  });
  const { credentials: acme } = await createTestAccount(repo, 'acme');
  return { storage, repo, server, clock, acme, images };
}

/** Stops the app's server, closes its repository and destroys its storage and image store. */
export async function stopTestApp(app: TestApp): Promise<void> {
  await app.server.close();
  await app.repo.close();
  await app.storage.destroy();
  await app.images?.destroy();
}
