import type { Repository } from '../storage/repository.js';
import { t0 } from './repository-fixtures.js';
import type { TestStorage } from './test-storage.js';

const minute = 60_000;

/**
 * The behaviour of `repo.rateLimits` every implementation shares. `storage` opens further repositories on the
 * same data (another instance of the service).
 */
export function describeRateLimitStoreSpec(repo: () => Repository, storage: () => TestStorage): void {
  describe('rateLimits', () => {
    it('counts hits per API key and window, starting at 1', async () => {
      const counts = [
        await repo().rateLimits.hit('key-a', t0),
        await repo().rateLimits.hit('key-a', t0),
        await repo().rateLimits.hit('key-b', t0),
        await repo().rateLimits.hit('key-a', t0 + minute),
        await repo().rateLimits.hit('key-a', t0),
      ];
      expect(counts).toEqual([1, 2, 1, 1, 3]);
    });

    it('prunes the windows that started before a time, and only those', async () => {
      await repo().rateLimits.hit('key-a', t0 - 2 * minute);
      await repo().rateLimits.hit('key-b', t0 - minute);
      await repo().rateLimits.hit('key-a', t0);
      await repo().rateLimits.hit('key-a', t0);
      expect(await repo().rateLimits.prune(t0)).toBe(2);
      expect(await repo().rateLimits.prune(t0)).toBe(0);
      expect(await repo().rateLimits.hit('key-a', t0)).toBe(3);
      expect(await repo().rateLimits.hit('key-b', t0 - minute)).toBe(1);
    });

    it('loses no hit when two instances count the same key at once', async () => {
      const other = await storage().open();
      try {
        const hits = Array.from({ length: 40 }, (_, index) =>
          (index % 2 === 0 ? repo() : other).rateLimits.hit('key-shared', t0),
        );
        const counts = await Promise.all(hits);
        expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
        expect(await other.rateLimits.hit('key-shared', t0)).toBe(41);
        expect(await repo().rateLimits.hit('key-shared', t0)).toBe(42);
      } finally {
        await other.close();
      }
    });
  });
}
