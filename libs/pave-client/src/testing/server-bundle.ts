import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** A server bundled into one ESM file that a child `node` process can run (Jest transpiles TS; Node 20 cannot). */
export type ServerBundle = { readonly file: string; remove(): Promise<void> };

/** What {@link buildServerBundle} bundles, and where to. */
export type ServerBundleOptions = {
  /** The server's entry point, a TypeScript file. */
  readonly entry: string;
  /** A folder of its own (removed by `remove()`), inside the workspace so that node finds its node_modules. */
  readonly folder: string;
};

/** Bundles `entry` with esbuild into `<folder>/main.mjs`: workspace libs from source (`@pave/source`), npm packages external. */
export async function buildServerBundle(options: ServerBundleOptions): Promise<ServerBundle> {
  await mkdir(options.folder, { recursive: true });
  const file = join(options.folder, 'main.mjs');
  await build({
    entryPoints: [options.entry],
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
  return { file, remove: () => rm(options.folder, { recursive: true, force: true }) };
}
