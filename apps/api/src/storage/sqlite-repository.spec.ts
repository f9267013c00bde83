import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteTestStorage } from '../testing/test-storage.js';
import { describeRepositorySpec } from '../testing/describe-repository-spec.js';
import { openSqliteRepository, sqliteFileIn } from './sqlite-repository.js';

describeRepositorySpec('SQLite', () => Promise.resolve(createSqliteTestStorage()));

describe('the SQLite data folder', () => {
  it('is made owner-only (0700) with the database 0600, also when it existed as 0755 with a 0644 file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pave-perms-'));
    try {
      chmodSync(dataDir, 0o755);
      const file = sqliteFileIn(dataDir);
      writeFileSync(file, '');
      chmodSync(file, 0o644);
      const repo = await openSqliteRepository(file);
      await repo.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
