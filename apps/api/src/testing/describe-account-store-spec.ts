import type { Repository } from '../storage/repository.js';
import { t0 } from './repository-fixtures.js';

/** The behaviour of `repo.accounts` every implementation shares. */
export function describeAccountStoreSpec(repo: () => Repository): void {
  describe('accounts', () => {
    it('creates an account and finds it by its API key', async () => {
      const created = await repo().accounts.create({
        username: 'acme',
        apiKey: 'key-1',
        apiSecret: 's1',
        createdAt: t0,
      });
      expect(created.ok).toBe(true);
      expect(await repo().accounts.findByApiKey('key-1')).toEqual({
        id: expect.any(Number),
        username: 'acme',
        apiKey: 'key-1',
        apiSecret: 's1',
        expirySeconds: 604800,
        createdAt: t0,
        revokedAt: null,
        storedImageBytes: 0,
        previousApiSecret: null,
        previousSecretExpiresAt: null,
      });
    });

    it('refuses a second account with a taken username or API key', async () => {
      await repo().accounts.create({ username: 'acme', apiKey: 'key-1', apiSecret: 's1', createdAt: t0 });
      const sameName = await repo().accounts.create({
        username: 'acme',
        apiKey: 'key-2',
        apiSecret: 's',
        createdAt: t0,
      });
      const sameKey = await repo().accounts.create({
        username: 'other',
        apiKey: 'key-1',
        apiSecret: 's',
        createdAt: t0,
      });
      expect(sameName).toEqual({ ok: false, error: { code: 'account_exists' } });
      expect(sameKey).toEqual({ ok: false, error: { code: 'account_exists' } });
      expect(await repo().accounts.count()).toBe(1);
    });

    it('treats a revoked key as unknown, and revokes only once', async () => {
      await repo().accounts.create({ username: 'acme', apiKey: 'key-1', apiSecret: 's1', createdAt: t0 });
      expect(await repo().accounts.revoke('key-1', t0 + 1000)).toBe(true);
      expect(await repo().accounts.revoke('key-1', t0 + 2000)).toBe(false);
      expect(await repo().accounts.findByApiKey('key-1')).toBeNull();
      expect((await repo().accounts.findByUsername('acme'))?.revokedAt).toBe(t0 + 1000);
    });

    it('lists every account oldest first, revoked ones included', async () => {
      await repo().accounts.create({ username: 'b', apiKey: 'key-b', apiSecret: 's', createdAt: t0 });
      await repo().accounts.create({ username: 'a', apiKey: 'key-a', apiSecret: 's', createdAt: t0 + 1 });
      await repo().accounts.revoke('key-b', t0 + 5);
      const listed = await repo().accounts.list();
      expect(listed.map((a) => [a.username, a.revokedAt])).toEqual([
        ['b', t0 + 5],
        ['a', null],
      ]);
      expect(await repo().accounts.count()).toBe(2);
    });
  });
}
