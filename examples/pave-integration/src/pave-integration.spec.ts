import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServerBundle, startServerOnFreePort, type ServerBundle, type ServerOnPort } from '@pave/client/testing';

// Runs pave-integration.mjs, unchanged, against the server built from source: only the base URL and the
// credentials differ from a run against PAVE. The spec bundles the server itself (no dependency on another
// target's output) and, when the script fails, shows what the server wrote.

const workspaceRoot = join(__dirname, '..', '..', '..');
const serverEntry = join(workspaceRoot, 'apps', 'api', 'src', 'main.ts');
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
  let bundle: ServerBundle;
  let server: ServerOnPort;
  let dataDir: string;
  let baseUrl: string;
  const account = {
    username: 'integrator',
    apiKey: `ex-${randomBytes(8).toString('hex')}`,
    apiSecret: randomBytes(24).toString('hex'),
  };

  /** The script's run, and the server's output when the run failed (the server's side of the story). */
  const withServerOutput = (run: Run) => ({ ...run, server: run.code === 0 ? '' : server.output() });

  beforeAll(async () => {
    bundle = await buildServerBundle({
      entry: serverEntry,
      folder: join(__dirname, '..', 'out-tsc', `server-${randomBytes(4).toString('hex')}`),
    });
    dataDir = await mkdtemp(join(tmpdir(), 'pave-example-'));
    server = await startServerOnFreePort({
      script: bundle.file,
      cwd: workspaceRoot,
      env: (port) => ({
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        PAVE_DATA_DIR: dataDir,
        PAVE_BOOTSTRAP_ACCOUNTS: `${account.username}:${account.apiKey}:${account.apiSecret}`,
        LOG_LEVEL: 'warn',
      }),
      timeoutMs: 60_000,
    });
    baseUrl = server.baseUrl;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await bundle?.remove();
  });

  it('creates, reads, updates, lists photos, waits for results and deletes, as PAVE documents', async () => {
    const run = await runScript({
      PAVE_BASE_URL: baseUrl,
      PAVE_USERNAME: account.username,
      PAVE_API_KEY: account.apiKey,
      PAVE_API_SECRET: account.apiSecret,
    });
    expect(withServerOutput(run)).toMatchObject({ code: 0, stderr: '', server: '' });
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
    // the capture link's token (its #fragment) is a credential: the script never prints it
    expect(run.stdout).not.toMatch(/#[A-Za-z0-9_-]{20,}/);
  });

  it('fails loudly with wrong credentials', async () => {
    const run = await runScript({
      PAVE_BASE_URL: baseUrl,
      PAVE_USERNAME: account.username,
      PAVE_API_KEY: account.apiKey,
      PAVE_API_SECRET: 'not-the-secret',
    });
    expect(run.code).not.toBe(0);
    expect(withServerOutput(run)).toMatchObject({ stdout: expect.stringContaining('POST /v1/sessions -> 401') });
  });
});
