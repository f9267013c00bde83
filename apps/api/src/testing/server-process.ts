import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The API bundled into one ESM file that a child `node` process can run (Jest transpiles TS; Node 20 cannot). */
export type ServerBundle = { readonly file: string; remove(): Promise<void> };

const apiRoot = join(__dirname, '..', '..');

/**
 * Bundles `src/main.ts` with esbuild: workspace libs from source (`@pave/source`), every npm package external.
 * The file goes under `apps/api/out-tsc/` so that node finds the workspace's node_modules from there.
 */
export async function buildServerBundle(name: string): Promise<ServerBundle> {
  const folder = join(apiRoot, 'out-tsc', name);
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'main.mjs');
  await build({
    entryPoints: [join(apiRoot, 'src', 'main.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@pave/source'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@pave/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return { file, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** A free TCP port on 127.0.0.1 (free when asked; the server takes it a moment later). */
export function freePort(): Promise<number> {
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

/** A server running in a child process, with what it wrote to stderr (for failure messages). */
export type ServerProcess = { readonly child: ChildProcess; readonly stderr: () => string };

/** Starts `node <bundle>` with the given environment and waits until `/healthz` answers (at most `timeoutMs`). */
export async function startServerProcess(
  bundle: ServerBundle,
  env: Readonly<Record<string, string>>,
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bundle.file], {
    cwd: join(apiRoot, '..', '..'),
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${env['PORT'] ?? ''}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { child, stderr: () => stderr };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer /healthz within ${timeoutMs} ms: ${stderr}`);
}

/** Sends a signal and waits for the process to end. */
export function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
