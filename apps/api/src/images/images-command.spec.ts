import { parseConfig } from '../config.js';
import { createFolderTestImageStore, type TestImageStore } from '../testing/test-image-stores.js';
import { imageFileName } from './image-store.js';
import { imagesUsage, runImagesCommand, type ImagesCommandDeps } from './images-command.js';

describe('npm run images', () => {
  let folder: TestImageStore;
  let lines: { out: string[]; err: string[]; progress: string[] };
  const io = {
    out: (line: string) => lines.out.push(line),
    err: (line: string) => lines.err.push(line),
    progress: (line: string) => lines.progress.push(line),
  };

  beforeEach(async () => {
    folder = await createFolderTestImageStore();
    lines = { out: [], err: [], progress: [] };
  });
  afterEach(() => folder.destroy());

  const deps = (): ImagesCommandDeps => {
    const config = parseConfig({}, '/srv/app');
    if (!config.ok) throw new Error('invariant: the default settings parse');
    return {
      config: config.value,
      openFolder: () => Promise.resolve(folder.store),
      openBucket: () => Promise.reject(new Error('not in this test')),
      openConfigured: () => Promise.resolve(folder.store),
      isReferenced: async () => new Set(),
    };
  };

  it.each([[[]], [['migrate']], [['migrate', '--to']], [['sweep', '--to', 's3://x']], [['copy']], [['sweep', 'x']]])(
    'answers %p with the usage and exit code 2',
    async (args) => {
      expect(await runImagesCommand(args, deps(), io)).toBe(2);
      expect(lines.err).toEqual([imagesUsage]);
    },
  );

  it('refuses a target that is not an s3:// URL, naming --to', async () => {
    expect(await runImagesCommand(['migrate', '--to', '/mnt/photos'], deps(), io)).toBe(2);
    expect(lines.err[0]).toMatch(/^--to: expected s3:\/\/bucket/);
  });

  it('sweeps the configured store, with a progress line that says how to resume', async () => {
    await folder.plant(imageFileName('ab'.repeat(16), 'full'), Buffer.from('orphan'));
    expect(await runImagesCommand(['sweep'], deps(), io)).toBe(0);
    expect(lines.progress).toEqual([
      `removed 1 orphans so far; resume with --after ${imageFileName('ab'.repeat(16), 'full')}`,
    ]);
    expect(lines.out.at(-1)).toBe('Removed 1 orphan files and 0 temporary files; kept 0.');
  });
});
