import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServerProcess, type ServerProcess } from '@pave/client/testing';

// Runs pave-integration.mjs, unchanged, against the built server: only the base URL and the credentials differ
// from a run against PAVE.

const workspaceRoot = join(__dirname, '..', '..', '..');
const serverBuild = join(workspaceRoot, 'apps', 'api', 'dist', 'main.js');
const script = join(__dirname, '..', 'pave-integration.mjs');

type Run = { code: number | null; stdout: string; stderr: string };

function runScript(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

describe('the PAVE integration example', () => {
  let server: ServerProcess;
  let dataDir: string;
  let baseUrl: string;
  const account = {
    username: 'integrator',
    apiKey: `ex-${randomBytes(8).toString('hex')}`,
    apiSecret: randomBytes(24).toString('hex'),
  };

  beforeAll(async () => {
    if (!existsSync(serverBuild)) throw new Error(`${serverBuild} is missing: run "npx nx run pave-integration:test".`);
    const port = await freePort();
    dataDir = await mkdtemp(join(tmpdir(), 'pave-example-'));
    baseUrl = `http://127.0.0.1:${port}`;
    server = await startServerProcess({
      script: serverBuild,
      cwd: workspaceRoot,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: baseUrl,
        PAVE_DATA_DIR: dataDir,
        PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
        LOG_LEVEL: 'warn',
      },
      healthUrl: `${baseUrl}/healthz`,
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates, reads, updates, lists photos, waits for results and deletes, as PAVE documents', async () => {
    const run = await runScript({
      PAVE_BASE_URL: baseUrl,
      PAVE_USERNAME: account.username,
      PAVE_API_KEY: account.apiKey,
      PAVE_API_SECRET: account.apiSecret,
    });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').filter((line) => line.startsWith('  ') === false && line.includes('->'))).toEqual([
      'POST /v1/sessions -> 200',
      expect.stringMatching(/^GET \/v1\/sessions\/INT-[A-Z0-9]{10} -> 200$/),
      expect.stringMatching(/^PUT \/v1\/sessions\/INT-[A-Z0-9]{10} -> 200$/),
      expect.stringMatching(/^GET \/v1\/sessions\/INT-[A-Z0-9]{10}\/photos -> 200$/),
      expect.stringMatching(/^GET \/v1\/sessions\/INT-[A-Z0-9]{10}\/results -> 400$/),
      expect.stringMatching(/^DELETE \/v1\/sessions\/INT-[A-Z0-9]{10} -> 200$/),
      expect.stringMatching(/^GET \/v1\/sessions\/INT-[A-Z0-9]{10} -> 404$/),
    ]);
    expect(run.stdout).toContain('PAVE integration: every call answered as documented.');
  });

  it('fails loudly with wrong credentials', async () => {
    const run = await runScript({
      PAVE_BASE_URL: baseUrl,
      PAVE_USERNAME: account.username,
      PAVE_API_KEY: account.apiKey,
      PAVE_API_SECRET: 'not-the-secret',
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('POST /v1/sessions -> 401');
  });
});
