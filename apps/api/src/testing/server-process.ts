import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '@pave/client/testing';
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

/**
 * Starts `node <bundle>` with the given environment (`PORT` required) and waits until its `/healthz` answers (at
 * most `timeoutMs`: a minute, since a loaded 2-core machine has been seen to take more than 20 s to boot three).
 */
export function startBundledServer(
  bundle: ServerBundle,
  env: Readonly<Record<string, string>> & { readonly PORT: string },
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  return startServerProcess({
    script: bundle.file,
    cwd: join(apiRoot, '..', '..'),
    env,
    healthUrl: `http://127.0.0.1:${env.PORT}/healthz`,
    timeoutMs,
  });
}
