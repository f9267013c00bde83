import type { StoredFile } from './image-store.js';
import { sweepOrphans, type SweepSource } from './sweep-orphans.js';

const id = (n: number) => n.toString(16).padStart(32, '0');
const file = (name: string, at: number): StoredFile => ({ name, size: 1, lastModified: new Date(at) });
const start = Date.parse('2026-12-01T12:00:00Z');

function sourceOf(pages: StoredFile[][], timeResolutionMs: number) {
  const removed: string[] = [];
  const source: SweepSource = {
    pages: (async function* () {
      yield* pages;
    })(),
    isTemporary: (name) => name.endsWith('.tmp-0a'),
    removeFile: async (name) => {
      removed.push(name);
    },
    now: () => start,
    timeResolutionMs,
  };
  return { source, removed };
}

describe('sweepOrphans', () => {
  it('removes nothing modified after the sweep began, even with no grace period', async () => {
    const after = `${id(1).slice(0, 2)}/${id(1)}.jpg`;
    const { source, removed } = sourceOf([[file(after, start + 1)]], 0);
    expect(await sweepOrphans(source, async () => new Set(), 0)).toEqual({
      removedImages: 0,
      removedTemporary: 0,
      kept: 1,
    });
    expect(removed).toEqual([]);
  });

  it('counts a coarse clock against the file: a time rounded down to the second is not old enough', async () => {
    const name = `${id(2).slice(0, 2)}/${id(2)}.jpg`;
    const { source, removed } = sourceOf([[file(name, start - 999)], [file(name, start - 1000)]], 1000);
    await sweepOrphans(source, async () => new Set(), 0);
    expect(removed).toEqual([name]);
  });

  it('leaves names that are neither images nor its own temporary files alone', async () => {
    const { source, removed } = sourceOf([[file('00/notes.txt', 0), file('00/x.jpg.tmp-0a', 0)]], 0);
    const report = await sweepOrphans(source, async () => new Set(), 0);
    expect([report, removed]).toEqual([{ removedImages: 0, removedTemporary: 1, kept: 0 }, ['00/x.jpg.tmp-0a']]);
  });

  it('asks about each page once, with only the ids old enough to go', async () => {
    const old = `${id(3).slice(0, 2)}/${id(3)}.jpg`;
    const young = `${id(4).slice(0, 2)}/${id(4)}.jpg`;
    const { source } = sourceOf([[file(old, start - 70_000), file(young, start - 10_000)]], 0);
    const asked: string[][] = [];
    await sweepOrphans(
      source,
      async (ids) => {
        asked.push([...ids]);
        return new Set(ids);
      },
      60_000,
    );
    expect(asked).toEqual([[id(3)]]);
  });
});
