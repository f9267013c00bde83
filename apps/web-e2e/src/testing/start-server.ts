import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServerProcess } from '@pave/client/testing';

/** The repository root: apps/web-e2e/src/testing is four levels down. */
export const workspaceRoot = join(__dirname, '..', '..', '..', '..');

/** The builds the harness runs: `web-e2e:test` builds them first (dependsOn api:build and web:build). */
export const serverBuild = join(workspaceRoot, 'apps', 'api', 'dist', 'main.js');
export const webBuild = join(workspaceRoot, 'apps', 'web', 'dist', 'index.html');

/** An integrator's (a machine's) credentials, created at start through PAVE_BOOTSTRAP_ACCOUNTS. */
export type TestAccount = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

/** A person who signs in to the review app with an email and a password. */
export type TestUser = {
  readonly email: string;
  readonly password: string;
  readonly role: 'admin' | 'reviewer' | 'viewer';
};

/** The built API (serving the built web app) in a child process, on its own port and data folder. */
export type RunningServer = {
  readonly baseUrl: string;
  readonly account: TestAccount;
  /** The account's first admin, made at start through PAVE_BOOTSTRAP_ADMIN. */
  readonly admin: TestUser;
  /** The last few kB the server wrote (warnings and errors only: LOG_LEVEL=warn), for failure messages. */
  readonly output: () => string;
  /** SIGTERM, wait for the exit, then remove the data folder. */
  readonly stop: () => Promise<void>;
};

function createAccount(): TestAccount {
  return {
    username: 'e2e-reviewer',
    apiKey: `e2e-${randomBytes(8).toString('hex')}`,
    apiSecret: randomBytes(24).toString('hex'),
  };
}

function createAdmin(): TestUser {
  return { email: 'e2e-admin@example.com', password: randomBytes(12).toString('hex'), role: 'admin' };
}

function checkBuilds(): void {
  for (const file of [serverBuild, webBuild]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npx nx run web-e2e:test", which builds it first.`);
  }
}

/** Starts `node apps/api/dist/main.js` on a free port with a temporary data folder and a bootstrap account. */
export async function startServer(): Promise<RunningServer> {
  checkBuilds();
  const [port, dataDir] = await Promise.all([freePort(), mkdtemp(join(tmpdir(), 'pave-web-e2e-'))]);
  const account = createAccount();
  const admin = createAdmin();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({
    script: serverBuild,
    cwd: workspaceRoot,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: baseUrl,
      PAVE_DATA_DIR: dataDir,
      PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
      PAVE_BOOTSTRAP_ADMIN: `${admin.email}:${admin.password}`,
      PAVE_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    },
    healthUrl: `${baseUrl}/healthz`,
    // about 9 s at a load average of 30 on 2 cores; 20 s failed once there
    timeoutMs: 60_000,
  }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const stop = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, account, admin, output: server.output, stop };
}
