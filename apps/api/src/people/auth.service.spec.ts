import type { Repository } from '../storage/repository.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';
import { createAuthService, loginLimits } from './auth.service.js';

// The login throttle per client address on each storage: an IPv6 client is counted by its /64, since a host picks any
// address in its network and counting single addresses would count nothing.

describeEachStorage('login throttle per address', (kind) => {
  let storage: TestStorage;
  let repo: Repository;

  beforeEach(async () => {
    storage = await kind.create();
    repo = await storage.open();
  });
  afterEach(async () => {
    await repo.close();
    await storage.destroy();
  });

  const auth = () =>
    createAuthService({ ...repo, rateLimits: repo.rateLimits, now: () => new Date('2026-03-01T10:00:00Z') });
  const attempt = (address: string, n: number) =>
    auth().login({ email: `nobody${n}@example.com`, password: 'wrong password' }, address);

  it('counts every address of one IPv6 /64 together, and another /64 apart', async () => {
    for (let n = 0; n < loginLimits.perAddress; n += 1) {
      expect((await attempt(`2001:db8:1:2::${(n + 1).toString(16)}`, n)).ok).toBe(false);
    }
    const refused = await attempt('2001:db8:1:2:ffff::9', 999);
    expect(refused).toMatchObject({ ok: false, error: { code: 'throttled' } });
    expect(await attempt('2001:db8:1:3::1', 1000)).toMatchObject({ ok: false, error: { code: 'refused' } });
  }, 60_000);
});
