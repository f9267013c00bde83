import type { SessionKey } from '@pave/domain';
import { createLogger } from '../logger.js';
import { day, newSession } from '../testing/repository-fixtures.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { openSqliteTestRepository, type SqliteTestRepository } from '../testing/test-storage.js';
import { startExpirySweep } from './expiry-sweep.js';

const t0 = Date.UTC(2026, 2, 1);

describe('startExpirySweep', () => {
  let storage: SqliteTestRepository;

  beforeEach(async () => {
    storage = await openSqliteTestRepository();
  });
  afterEach(() => storage.close());

  it('turns every overdue unfinished session into EXPIRED, across accounts', async () => {
    const keys = ['ACM-000000000A', 'BET-000000000A', 'ACM-000000000B'] as SessionKey[];
    for (const [index, key] of keys.entries()) {
      const { account } = await createTestAccount(storage.repo, `user${index}`);
      const createdAt = index < 2 ? t0 - 8 * day : t0;
      await storage.repo.sessions.insert(newSession(account.id, key, createdAt));
    }
    const sweep = startExpirySweep({
      sessions: storage.repo.sessions,
      now: () => new Date(t0),
      intervalSeconds: 3600,
      logger: createLogger('silent'),
    });
    try {
      expect(await sweep.sweepNow()).toBe(2);
      const statuses = await Promise.all(keys.map((key) => storage.repo.sessions.findByKey(key, 'any')));
      expect(statuses.map((row) => row?.status)).toEqual(['EXPIRED', 'EXPIRED', 'IDLE']);
      expect(await sweep.sweepNow()).toBe(0);
    } finally {
      sweep.stop();
    }
  });
});
