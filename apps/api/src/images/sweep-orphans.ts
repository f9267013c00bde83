import {
  parseImageFileName,
  type IsReferenced,
  type StoredFile,
  type SweepOptions,
  type SweepReport,
} from './image-store.js';

/** What {@link sweepOrphans} works on: a store's pages of files and how to remove one. */
export type SweepSource = {
  readonly pages: AsyncIterable<readonly StoredFile[]>;
  /** True for a half-written file (a temporary name the store itself writes). */
  readonly isTemporary: (name: string) => boolean;
  readonly removeFile: (name: string) => Promise<void>;
  readonly now: () => number;
  /** How coarse the store's modification times are (S3 keeps whole seconds, rounded down). */
  readonly timeResolutionMs: number;
};

/**
 * The sweep both stores share, one page at a time: a page's image ids are looked up in one query, and only files
 * modified `graceMs` before the sweep began are removed, so an upload whose row is not committed yet, on another
 * instance or (with no grace at all) on this one once it listens, is never touched. Stopping anywhere loses
 * nothing: a later sweep finds the rest. The store's clock must not lag this one's by more than `graceMs`.
 */
export async function sweepOrphans(
  source: SweepSource,
  isReferenced: IsReferenced,
  graceMs: number,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const report: SweepReport = { removedImages: 0, removedTemporary: 0, kept: 0 };
  const cutoff = source.now() - Math.max(0, graceMs) - source.timeResolutionMs;
  const oldEnough = (file: StoredFile) => file.lastModified.getTime() <= cutoff;
  for await (const page of source.pages) {
    const images = page.flatMap((file) => {
      const parsed = parseImageFileName(file.name);
      return parsed ? [{ file, id: parsed.id }] : [];
    });
    const temporary = page.filter((file) => !parseImageFileName(file.name) && source.isTemporary(file.name));
    for (const file of temporary.filter(oldEnough)) {
      await source.removeFile(file.name);
      report.removedTemporary += 1;
    }
    const candidates = images.filter(({ file }) => oldEnough(file));
    report.kept += images.length - candidates.length;
    const referenced = candidates.length > 0 ? await isReferenced([...new Set(candidates.map((c) => c.id))]) : null;
    for (const { file, id } of candidates) {
      if (referenced?.has(id)) report.kept += 1;
      else {
        await source.removeFile(file.name);
        report.removedImages += 1;
      }
    }
    const last = page.at(-1);
    if (last) options.onPage?.(last.name, { ...report });
  }
  return report;
}
