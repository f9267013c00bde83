import { readConfig, S3Url } from './config.js';
import { createFolderImageStore } from './images/folder-image-store.js';
import { runImagesCommand } from './images/images-command.js';
import { openImageStore } from './images/open-image-store.js';
import { createS3ImageStore } from './images/s3-image-store.js';
import { createLogger } from './logger.js';
import { openRepository } from './storage/open-repository.js';
import type { Repository } from './storage/repository.js';

// `npm run images -- migrate --to s3://… | sweep`: the server's own settings (PAVE_DATA_DIR, PAVE_S3_*, DATABASE_URL).

async function main(): Promise<number> {
  const config = readConfig();
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    return 1;
  }
  const settings = config.value;
  const opened: { repo: Repository | null } = { repo: null };
  const tty = process.stderr.isTTY;
  let lastProgress = 0;
  try {
    return await runImagesCommand(
      process.argv.slice(2),
      {
        config: settings,
        openFolder: () => createFolderImageStore(settings.dataDir),
        openBucket: async (location) => {
          const parsed = S3Url.parse(location);
          return createS3ImageStore({ ...parsed, ...settings.s3Connection });
        },
        openConfigured: () => openImageStore(settings),
        isReferenced: async (ids) => {
          opened.repo ??= await openRepository(settings, createLogger('silent'));
          return opened.repo.attempts.findReferencedImageIds(ids);
        },
      },
      {
        out: (line) => process.stdout.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
        err: (line) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
        // a terminal gets one line redrawn in place; a log gets a line every 2 seconds at most
        progress: (line) => {
          if (tty) process.stderr.write(`\r\x1b[K${line}`);
          else if (Date.now() - lastProgress > 2000) {
            lastProgress = Date.now();
            process.stderr.write(`${line}\n`);
          }
        },
      },
    );
  } finally {
    await opened.repo?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`images: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
