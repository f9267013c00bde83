import { parseArgs } from 'node:util';
import { S3Url, type Config } from '../config.js';
import type { ImageStore } from './image-store.js';
import { migrateImages, type MigrationProgress } from './migrate-images.js';

// The commands of `npm run images`: copy a folder store into a bucket, and sweep the configured store.

export const imagesUsage = [
  'Usage: npm run images -- migrate --to s3://bucket/prefix',
  '       npm run images -- sweep [--after <name>]',
].join('\n');

/** Where a command writes: lines to stdout and stderr, and a progress line that the next one replaces. */
export type ImagesOutput = {
  out: (line: string) => void;
  err: (line: string) => void;
  progress: (line: string) => void;
};

/** What the commands need: the settings, and how to open stores and ask which images rows point to. */
export type ImagesCommandDeps = {
  readonly config: Config;
  readonly openFolder: () => Promise<ImageStore>;
  readonly openBucket: (location: string) => Promise<ImageStore>;
  readonly openConfigured: () => Promise<ImageStore>;
  readonly isReferenced: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
};

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function progressLine(p: Readonly<MigrationProgress>): string {
  const done = p.copied + p.present + p.failed + p.incomplete;
  const percent = p.total === 0 ? 100 : Math.floor((done / p.total) * 100);
  const width = 24;
  const bar = '#'.repeat(Math.round((percent / 100) * width)).padEnd(width, '.');
  return `[${bar}] ${percent}% ${done}/${p.total} images: ${p.copied} copied (${megabytes(p.bytes)}), ${p.present} already there, ${p.failed} failed`;
}

async function migrate(to: string, deps: ImagesCommandDeps, io: ImagesOutput): Promise<number> {
  const location = S3Url.safeParse(to);
  if (!location.success) {
    io.err(`--to: ${location.error.issues[0]?.message ?? 'expected s3://bucket/prefix'}`);
    return 2;
  }
  const from = await deps.openFolder();
  const target = await deps.openBucket(to);
  io.out(`Copying ${from.description} into ${target.description}`);
  const result = await migrateImages({
    from,
    to: target,
    onProgress: (progress) => io.progress(progressLine(progress)),
    onFailure: (id, error) => io.err(`image ${id}: ${error instanceof Error ? error.message : String(error)}`),
  });
  io.out(progressLine(result));
  if (result.incomplete > 0)
    io.out(`${result.incomplete} images had only one variant (a crash's leftovers): not copied.`);
  if (result.failed > 0) {
    io.err(`${result.failed} images failed: run the same command again to retry them.`);
    return 1;
  }
  io.out('Every image is in the bucket and verified. Set PAVE_IMAGE_STORE to it (see docs/deploy.md).');
  return 0;
}

async function sweep(after: string | undefined, deps: ImagesCommandDeps, io: ImagesOutput): Promise<number> {
  const store = await deps.openConfigured();
  const graceSeconds = deps.config.imageSweepGraceSeconds;
  io.out(`Sweeping ${store.description} (leaving anything younger than ${graceSeconds} s)`);
  const report = await store.sweep(deps.isReferenced, graceSeconds * 1000, {
    ...(after ? { after } : {}),
    onPage: (last, soFar) => io.progress(`removed ${soFar.removedImages} orphans so far; resume with --after ${last}`),
  });
  io.out(
    `Removed ${report.removedImages} orphan files and ${report.removedTemporary} temporary files; kept ${report.kept}.`,
  );
  return 0;
}

/** Runs one images command; returns the exit code (2 for bad usage). */
export async function runImagesCommand(
  args: readonly string[],
  deps: ImagesCommandDeps,
  io: ImagesOutput,
): Promise<number> {
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { to: { type: 'string' }, after: { type: 'string' } },
      });
    } catch {
      return null;
    }
  })();
  const [command, ...extra] = parsed?.positionals ?? [];
  if (parsed && extra.length === 0) {
    if (command === 'migrate' && parsed.values.to && !parsed.values.after) return migrate(parsed.values.to, deps, io);
    if (command === 'sweep' && !parsed.values.to) return sweep(parsed.values.after, deps, io);
  }
  io.err(imagesUsage);
  return 2;
}
