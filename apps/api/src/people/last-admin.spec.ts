import type { Repository } from '../storage/repository.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';

// The last-admin rule must hold under concurrency: two admins demoting (or removing) each other at the same moment
// (from two instances sharing a PostgreSQL) must leave one admin, never none.

describeEachStorage('the last admin, under concurrent changes', (kind) => {
  let storage: TestStorage;
  let one: Repository;
  let two: Repository;
  let accountId: number;
  let admins: [number, number];

  beforeEach(async () => {
    storage = await kind.create();
    one = await storage.open();
    // PostgreSQL: a second instance on the same database. SQLite serves one process: its driver is synchronous, so
    // two connections in one process would block each other; its one repository runs transactions one at a time.
    two = kind.name === 'postgres' ? await storage.open() : one;
    accountId = (await createTestAccount(one, 'acme')).account.id;
    const ids: number[] = [];
    for (const email of ['ada@example.com', 'bob@example.com']) {
      const created = await one.users.create({ accountId, email, passwordHash: 'x', role: 'admin', createdAt: 0 });
      if (!created.ok) throw new Error('person not created');
      ids.push(created.value.id);
    }
    admins = [ids[0] ?? 0, ids[1] ?? 0];
  });
  afterEach(async () => {
    await one.close();
    if (two !== one) await two.close();
    await storage.destroy();
  });

  async function adminCount(): Promise<number> {
    return (await one.users.list(accountId)).filter((user) => user.role === 'admin').length;
  }

  it.each([1, 2, 3, 4, 5])('lets exactly one of two concurrent demotions through (round %i)', async () => {
    const [a, b] = admins;
    const outcomes = await Promise.all([
      one.users.setRole(accountId, a, 'viewer'),
      two.users.setRole(accountId, b, 'reviewer'),
    ]);

    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code)).sort()).toEqual(['last_admin', 'ok']);
    expect(await adminCount()).toBe(1);
  });

  it('lets exactly one of a concurrent demotion and removal through', async () => {
    const [a, b] = admins;
    const outcomes = await Promise.all([one.users.remove(accountId, a), two.users.setRole(accountId, b, 'viewer')]);

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await adminCount()).toBe(1);
  });

  it('refuses an unknown person as not found, and a promotion of the last admin is no demotion', async () => {
    const [a, b] = admins;
    expect(await one.users.setRole(accountId, 999_999, 'viewer')).toEqual({
      ok: false,
      error: { code: 'user_not_found' },
    });
    expect((await one.users.setRole(accountId, a, 'viewer')).ok).toBe(true);
    expect(await one.users.remove(accountId, b)).toEqual({ ok: false, error: { code: 'last_admin' } });
    expect((await one.users.setRole(accountId, b, 'admin')).ok).toBe(true);
  });
});
