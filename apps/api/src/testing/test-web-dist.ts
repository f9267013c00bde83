import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Repository } from '../storage/repository.js';
import { createSqliteTestStorage, type TestStorage } from './test-storage.js';

/** The text of the test web app's `index.html` and of its one script, `assets/app.js`. */
export const testWebApp = { indexHtml: '<!doctype html><title>web app</title>', script: 'console.log(1)' } as const;

/** What a spec serving the web app gets for each test: a SQLite repository and a built web app's folder. */
export type WebAppFixture = { readonly repo: () => Repository; readonly dist: () => string };

/**
 * Registers hooks that give each test a fresh SQLite repository and a folder laid out as `apps/web/dist` is
 * ({@link testWebApp}: `index.html` and `assets/app.js`), closed and removed after it.
 */
export function useWebAppFixture(): WebAppFixture {
  let storage: TestStorage | null = null;
  let repo: Repository | null = null;
  let dist: string | null = null;
  beforeEach(async () => {
    storage = createSqliteTestStorage();
    repo = await storage.open();
    dist = mkdtempSync(join(tmpdir(), 'pave-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), testWebApp.indexHtml);
    writeFileSync(join(dist, 'assets', 'app.js'), testWebApp.script);
  });
  afterEach(async () => {
    await repo?.close();
    await storage?.destroy();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  return {
    repo: () => {
      if (!repo) throw new Error('invariant: the repository is opened in beforeEach');
      return repo;
    },
    dist: () => {
      if (!dist) throw new Error('invariant: the web app folder is made in beforeEach');
      return dist;
    },
  };
}
