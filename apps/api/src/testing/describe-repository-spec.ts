import type { Repository } from '../storage/repository.js';
import { describeAccountStoreSpec } from './describe-account-store-spec.js';
import { describeAttemptStoreSpec } from './describe-attempt-store-spec.js';
import { describeEventStoreSpec } from './describe-event-store-spec.js';
import { describeRateLimitStoreSpec } from './describe-rate-limit-store-spec.js';
import { describeSessionStoreSpec } from './describe-session-store-spec.js';
import { newSession, photo, t0 } from './repository-fixtures.js';
import { createTestAccount } from './test-accounts.js';
import type { TestStorage } from './test-storage.js';

/**
 * The behaviour every Repository implementation shares. `makeStorage` gives each test its own empty storage
 * (a temporary SQLite file, or a fresh PostgreSQL schema).
 */
export function describeRepositorySpec(name: string, makeStorage: () => Promise<TestStorage>): void {
  describe(`Repository on ${name}`, () => {
    let storage: TestStorage;
    let repo: Repository;

    beforeEach(async () => {
      storage = await makeStorage();
      repo = await storage.open();
    });
    afterEach(async () => {
      await repo.close();
      await storage.destroy();
    });

    describeAccountStoreSpec(() => repo);
    describeSessionStoreSpec(() => repo);
    describeAttemptStoreSpec(() => repo);
    describeEventStoreSpec(() => repo);
    describeRateLimitStoreSpec(
      () => repo,
      () => storage,
    );

    it('answers ping', async () => {
      await expect(repo.ping()).resolves.toBeUndefined();
    });

    it('keeps its data when closed and opened again (a restart)', async () => {
      const { account } = await createTestAccount(repo, 'acme');
      const row = await repo.sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      await repo.attempts.append(photo(row.id, 1, t0));
      await repo.close();
      repo = await storage.open();
      expect((await repo.accounts.findByApiKey(account.apiKey))?.username).toBe('acme');
      expect((await repo.sessions.findByKey(row.sessionKey, 'any'))?.id).toBe(row.id);
      expect((await repo.attempts.listForSession(row.id)).map((a) => a.imageId)).toEqual([`img-1-${t0}`]);
    });

    it('runs its migrations idempotently: opening a migrated store twice more changes nothing', async () => {
      await createTestAccount(repo, 'acme');
      for (const _round of [1, 2]) {
        await repo.close();
        repo = await storage.open();
      }
      expect(await repo.accounts.count()).toBe(1);
    });
  });
}
