import type { AccountStore, Repository } from '../storage/repository.js';
import { newSession, photo, t0 } from '../testing/repository-fixtures.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';
import { createQuotaPrecheck, underQuotaFreshMs } from './quota-precheck.js';

describeEachStorage('createQuotaPrecheck', (kind) => {
  let storage: TestStorage;
  let repo: Repository;
  let accountId: number;
  let reads = 0;
  let at = t0;

  /** The repository's accounts, counting the reads of one. */
  const counted = (): AccountStore => ({
    ...repo.accounts,
    findById: (id) => {
      reads += 1;
      return repo.accounts.findById(id);
    },
  });

  beforeEach(async () => {
    storage = await kind.create();
    repo = await storage.open();
    accountId = (await createTestAccount(repo, 'acme')).account.id;
    const session = await repo.sessions.insert(newSession(accountId, 'ACM-QUOTA00001'));
    if (!session) throw new Error('the test session exists');
    // one photo of 1000 bytes: the account holds 1000 bytes
    const appended = await repo.attempts.append(photo(session.id, 2, t0));
    if (!appended.ok) throw new Error(`the photo was refused: ${appended.error.code}`);
    reads = 0;
    at = t0;
  });
  afterEach(async () => {
    await repo.close();
    await storage.destroy();
  });

  it('reads an account under its quota again only once its answer is a second old', async () => {
    const overQuota = createQuotaPrecheck(counted(), 5000, () => at);

    expect(await overQuota(accountId)).toBe(false);
    expect(await overQuota(accountId)).toBe(false);
    at += underQuotaFreshMs - 1;
    expect(await overQuota(accountId)).toBe(false);
    expect(reads).toBe(1);

    at += 1;
    expect(await overQuota(accountId)).toBe(false);
    expect(reads).toBe(2);
  });

  it('reads an account at its quota every time, so that room made for photos shows at once', async () => {
    const overQuota = createQuotaPrecheck(counted(), 1000, () => at);

    expect(await overQuota(accountId)).toBe(true);
    expect(await overQuota(accountId)).toBe(true);
    expect(reads).toBe(2);
  });

  it('reads nothing without a quota', async () => {
    const overQuota = createQuotaPrecheck(counted(), 0, () => at);

    expect(await overQuota(accountId)).toBe(false);
    expect(reads).toBe(0);
  });
});
