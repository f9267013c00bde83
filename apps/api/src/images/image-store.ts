import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The stored variants of one image. */
export type ImageVariant = 'full' | 'thumb';

/** Image files on disk under `<dataDir>/images`, written crash-safely. */
export type ImageStore = {
  /** A new unguessable image id (128 random bits, hex). */
  newId(): string;
  /** Writes both variants: each to a temporary name, fsynced, renamed, then the folder fsynced. */
  save(id: string, files: Record<ImageVariant, Buffer>): Promise<void>;
  /** Removes both variants (a failed commit, a deleted session); missing files are fine. */
  remove(id: string): Promise<void>;
  /** The file of a variant, or null for an id that is not ours (no path can escape the folder). */
  pathOf(id: string, variant: ImageVariant): string | null;
  /** Removes temporary files and images no row points to; files younger than `graceMs` are left alone. */
  sweep(isReferenced: (ids: readonly string[]) => Promise<ReadonlySet<string>>, graceMs: number): Promise<SweepReport>;
};

/** What a sweep removed. */
export type SweepReport = { removedImages: number; removedTemporary: number; kept: number };

const idPattern = /^[0-9a-f]{32}$/;
const filePattern = /^([0-9a-f]{32})(\.thumb)?\.jpg$/;
const tempPattern = /\.tmp-[0-9a-f]+$/;

/** True for a string shaped like an image id. */
export function isImageId(id: string): boolean {
  return idPattern.test(id);
}

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

async function listFiles(root: string): Promise<{ folder: string; name: string }[]> {
  const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    folders
      .filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name))
      .map(async (entry) =>
        (await readdir(join(root, entry.name))).map((name) => ({ folder: join(root, entry.name), name })),
      ),
  );
  return nested.flat();
}

async function isOlderThan(path: string, graceMs: number): Promise<boolean> {
  if (graceMs <= 0) return true;
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > graceMs;
}

/** Creates the image store rooted at `<dataDir>/images` (created when missing). */
export async function createImageStore(dataDir: string): Promise<ImageStore> {
  const root = join(dataDir, 'images');
  await mkdir(root, { recursive: true });
  const folderOf = (id: string) => join(root, id.slice(0, 2));
  const pathOf = (id: string, variant: ImageVariant) =>
    isImageId(id) ? join(folderOf(id), variant === 'full' ? `${id}.jpg` : `${id}.thumb.jpg`) : null;
  const existing = (id: string) => {
    const full = pathOf(id, 'full');
    const thumb = pathOf(id, 'thumb');
    if (!full || !thumb) throw new Error(`invariant: not an image id: ${id.slice(0, 40)}`);
    return { full, thumb };
  };

  return {
    newId: () => randomBytes(16).toString('hex'),
    pathOf,
    async save(id, files) {
      const paths = existing(id);
      await mkdir(folderOf(id), { recursive: true });
      await writeDurably(paths.thumb, files.thumb);
      await writeDurably(paths.full, files.full);
      await syncFolder(folderOf(id));
    },
    async remove(id) {
      const paths = existing(id);
      await Promise.all([rm(paths.full, { force: true }), rm(paths.thumb, { force: true })]);
    },
    async sweep(isReferenced, graceMs) {
      const files = await listFiles(root);
      const report: SweepReport = { removedImages: 0, removedTemporary: 0, kept: 0 };
      const temporary = files.filter((f) => tempPattern.test(f.name));
      for (const f of temporary) {
        if (await isOlderThan(join(f.folder, f.name), graceMs)) {
          await rm(join(f.folder, f.name), { force: true });
          report.removedTemporary += 1;
        }
      }
      const images = files.flatMap((f) => {
        const match = filePattern.exec(f.name);
        return match?.[1] ? [{ ...f, id: match[1] }] : [];
      });
      const referenced = await isReferenced([...new Set(images.map((f) => f.id))]);
      for (const f of images) {
        const path = join(f.folder, f.name);
        if (referenced.has(f.id) || !(await isOlderThan(path, graceMs))) report.kept += 1;
        else {
          await rm(path, { force: true });
          report.removedImages += 1;
        }
      }
      return report;
    },
  };
}
