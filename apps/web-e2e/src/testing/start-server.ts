import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root: apps/web-e2e/src/testing is four levels down. */
export const workspaceRoot = join(__dirname, '..', '..', '..', '..');

/** The builds the harness runs: `web-e2e:test` builds them first (dependsOn api:build and web:build). */
export const serverBuild = join(workspaceRoot, 'apps', 'api', 'dist', 'main.js');
export const webBuild = join(workspaceRoot, 'apps', 'web', 'dist', 'index.html');

/** A reviewer's credentials, created at start through PAVE_BOOTSTRAP_ACCOUNTS. */
export type TestAccount = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

/** The built API (serving the built web app) in a child process, on its own port and data folder. */
export type RunningServer = {
  readonly baseUrl: string;
  readonly account: TestAccount;
  /** The last few kB the server wrote (warnings and errors only: LOG_LEVEL=warn), for failure messages. */
  readonly output: () => string;
  /** SIGTERM, wait for the exit, then remove the data folder. */
  readonly stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function createAccount(): TestAccount {
  return {
    username: 'e2e-reviewer',
    apiKey: `e2e-${randomBytes(8).toString('hex')}`,
    apiSecret: randomBytes(24).toString('hex'),
  };
}

function checkBuilds(): void {
  for (const file of [serverBuild, webBuild]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npx nx run web-e2e:test", which builds it first.`);
  }
}

function spawnServer(env: Readonly<Record<string, string>>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [serverBuild], {
    cwd: workspaceRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output()}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer /healthz within 20 s: ${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `node apps/api/dist/main.js` on a free port with a temporary data folder and a bootstrap account. */
export async function startServer(): Promise<RunningServer> {
  checkBuilds();
  const [port, dataDir] = await Promise.all([freePort(), mkdtemp(join(tmpdir(), 'pave-web-e2e-'))]);
  const account = createAccount();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { child, output } = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: baseUrl,
    PAVE_DATA_DIR: dataDir,
    PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
    PAVE_RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  await waitForHealth(baseUrl, child, output).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { baseUrl, account, output, stop };
}
