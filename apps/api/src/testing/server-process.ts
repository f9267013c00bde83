import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildServerBundle as bundleServer,
  startServerOnFreePort,
  startServerProcess,
  type ServerBundle,
  type ServerProcess,
} from '@pave/client/testing';

export type { ServerBundle } from '@pave/client/testing';

const apiRoot = join(__dirname, '..', '..');
const workspaceRoot = join(apiRoot, '..', '..');
/** A loaded 2-core machine has been seen to take more than 20 s to boot three servers. */
const bootTimeoutMs = 60_000;

/** `src/main.ts` bundled under `apps/api/out-tsc/<name>`, where node finds the workspace's node_modules. */
export function buildServerBundle(name: string): Promise<ServerBundle> {
  return bundleServer({ entry: join(apiRoot, 'src', 'main.ts'), folder: join(apiRoot, 'out-tsc', name) });
}

/** Builds a bundle (named `<name>-<random>`) before the spec file's tests and removes it after them. */
export function useServerBundle(name: string): () => ServerBundle {
  let bundle: ServerBundle | null = null;
  beforeAll(async () => {
    bundle = await buildServerBundle(`${name}-${randomBytes(4).toString('hex')}`);
  }, 60_000);
  afterAll(() => bundle?.remove());
  return () => {
    if (!bundle) throw new Error('invariant: the server bundle is built in beforeAll');
    return bundle;
  };
}

/** Starts `node <bundle>` with the given environment (`PORT` required) and waits until it listens and answers. */
export function startBundledServer(
  bundle: ServerBundle,
  env: Readonly<Record<string, string>> & { readonly PORT: string },
  timeoutMs = bootTimeoutMs,
): Promise<ServerProcess> {
  return startServerProcess({
    script: bundle.file,
    cwd: workspaceRoot,
    env,
    healthUrl: `http://127.0.0.1:${env.PORT}/healthz`,
    timeoutMs,
  });
}

/** The credentials of an account created at start (`PAVE_BOOTSTRAP_ACCOUNTS`). */
export type BootstrapAccount = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

/** `PAVE_BOOTSTRAP_ACCOUNTS` for these accounts. */
export function bootstrapAccountsEnv(accounts: readonly BootstrapAccount[]): { PAVE_BOOTSTRAP_ACCOUNTS: string } {
  return { PAVE_BOOTSTRAP_ACCOUNTS: accounts.map((a) => `${a.username}:${a.apiKey}:${a.apiSecret}`).join(',') };
}

/** One API process of a spec: its data folder, and from its first start its port (a restart keeps it). */
export type ServerInstance = {
  readonly dataDir: string;
  port: number | null;
  /** `http://127.0.0.1:<port>` once started. */
  baseUrl: string;
  server: ServerProcess | null;
};

/** An instance not started yet, on `dataDir` (a new temporary folder when missing). */
export function createServerInstance(dataDir?: string): ServerInstance {
  return { dataDir: dataDir ?? mkdtempSync(join(tmpdir(), 'pave-instance-')), port: null, baseUrl: '', server: null };
}

/**
 * Starts `instance` with `env` plus its port, `PUBLIC_BASE_URL` and `PAVE_DATA_DIR` (unless `env` names another). The
 * first start takes a free port (another one if that is taken before the server listens); a restart, the same one.
 */
export async function startServerInstance(
  bundle: ServerBundle,
  instance: ServerInstance,
  env: Readonly<Record<string, string>>,
): Promise<ServerProcess> {
  const envOn = (port: number) => ({
    PAVE_DATA_DIR: instance.dataDir,
    ...env,
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  });
  if (instance.port !== null) {
    instance.server = await startBundledServer(bundle, envOn(instance.port));
    return instance.server;
  }
  const started = await startServerOnFreePort({
    script: bundle.file,
    cwd: workspaceRoot,
    env: envOn,
    timeoutMs: bootTimeoutMs,
  });
  instance.port = started.port;
  instance.baseUrl = started.baseUrl;
  instance.server = started;
  return started;
}

/** Kills the instance's process (SIGKILL) and removes its data folder. */
export async function removeServerInstance(instance: ServerInstance): Promise<void> {
  await instance.server?.stop('SIGKILL');
  instance.server = null;
  rmSync(instance.dataDir, { recursive: true, force: true });
}

/** One API process per test of a spec file, on its own data folder and port (see {@link useServerProcess}). */
export type ServerFixture = {
  /** The test's instance: its folder, port and process. */
  readonly instance: () => ServerInstance;
  readonly baseUrl: () => string;
  /** Starts (or restarts, on the same port) the test's server with the fixture's environment, then `env`. */
  readonly start: (env?: Readonly<Record<string, string>>) => Promise<ServerProcess>;
};

/**
 * Registers the hooks of a spec file whose tests each run one API process: a bundle for the file, a data folder per
 * test, the accounts created at start, and the process killed and the folder removed after each test.
 */
export function useServerProcess(
  name: string,
  options: { readonly accounts: readonly BootstrapAccount[]; readonly env?: Readonly<Record<string, string>> },
): ServerFixture {
  const bundle = useServerBundle(name);
  let current: ServerInstance | null = null;
  beforeEach(() => {
    current = createServerInstance();
  });
  afterEach(async () => {
    if (current) await removeServerInstance(current);
    current = null;
  });
  const instance = () => {
    if (!current) throw new Error('invariant: the server instance is made in beforeEach');
    return current;
  };
  return {
    instance,
    baseUrl: () => instance().baseUrl,
    start: (env = {}) =>
      startServerInstance(bundle(), instance(), { ...bootstrapAccountsEnv(options.accounts), ...options.env, ...env }),
  };
}
