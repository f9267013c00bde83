import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  imageFileName,
  isImageId,
  newImageId,
  type ImageInfo,
  type ImageStoreOptions,
  type ImageStore,
  type ImageVariant,
  type StoredFile,
} from './image-store.js';
import { sweepOrphans } from './sweep-orphans.js';

const defaultPageSize = 1000;
const tempPattern = /\.tmp-[0-9a-f]+$/;

async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const temp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The same weak validator Express's `send` makes from a file's size and modification time. */
function infoOf(size: number, mtime: Date): ImageInfo {
  return { size, etag: `W/"${size.toString(16)}-${mtime.getTime().toString(16)}"`, lastModified: mtime, sha256: null };
}

/** Every file under the two-hex-digit folders of `root`, in name order, a page at a time. */
async function* listPages(root: string, after: string, pageSize: number): AsyncGenerator<StoredFile[]> {
  const folders = (await readdir(root, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .filter((folder) => folder >= after.slice(0, 2))
    .sort();
  let page: StoredFile[] = [];
  for (const folder of folders) {
    const names = (await readdir(join(root, folder)).catch(() => []))
      .map((name) => `${folder}/${name}`)
      .filter((name) => name > after)
      .sort();
    for (const name of names) {
      const info = await stat(join(root, name)).catch(() => null);
      if (info?.isFile()) page.push({ name, size: info.size, lastModified: info.mtime });
      if (page.length < pageSize) continue;
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/**
 * Images as files under `<dataDir>/images/<ab>/`, written crash-safely: each variant to a temporary name,
 * fsynced, renamed, then the folder fsynced. Only names built from a checked id are ever opened, so no request
 * can reach a path outside the folder.
 */
export async function createFolderImageStore(dataDir: string, options: ImageStoreOptions = {}): Promise<ImageStore> {
  const root = join(dataDir, 'images');
  const pageSize = options.pageSize ?? defaultPageSize;
  await mkdir(root, { recursive: true });
  const pathOf = (id: string, variant: ImageVariant) => join(root, imageFileName(id, variant));

  const openFile = async (id: string, variant: ImageVariant) => {
    if (!isImageId(id)) return null;
    return open(pathOf(id, variant), 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  };

  return {
    description: `folder ${root}`,
    newId: newImageId,
    ping: () => access(root, constants.W_OK),
    async save(id, files) {
      const [thumb, full] = [pathOf(id, 'thumb'), pathOf(id, 'full')];
      await mkdir(dirname(full), { recursive: true });
      // both files are written and fsynced at once (both settle before a failure is thrown, so the caller's
      // clean-up never races a write); the folder's fsync then makes both renames durable
      const written = await Promise.allSettled([writeDurably(thumb, files.thumb), writeDurably(full, files.full)]);
      const failed = written.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      await syncFolder(dirname(full));
    },
    async remove(id) {
      await Promise.all([rm(pathOf(id, 'full'), { force: true }), rm(pathOf(id, 'thumb'), { force: true })]);
    },
    async stat(id, variant) {
      if (!isImageId(id)) return null;
      const info = await stat(pathOf(id, variant)).catch(() => null);
      return info?.isFile() ? infoOf(info.size, info.mtime) : null;
    },
    async open(id, variant, range) {
      const handle = await openFile(id, variant);
      if (!handle) return null;
      const info = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return { ...infoOf(info.size, info.mtime), body, range: range ?? null };
    },
    presign: () => Promise.resolve(null),
    list: (list = {}) => listPages(root, list.after ?? '', pageSize),
    sweep: (isReferenced, graceMs, sweepOptions) =>
      sweepOrphans(
        {
          pages: listPages(root, sweepOptions?.after ?? '', pageSize),
          isTemporary: (name) => tempPattern.test(name),
          removeFile: (name) => rm(join(root, name), { force: true }),
          now: options.now ?? Date.now,
          timeResolutionMs: 0,
        },
        isReferenced,
        graceMs,
        sweepOptions,
      ),
  };
}
