import type { AccountRow, AccountStore } from '../storage/repository.js';

const maxEntries = 1000;

/**
 * An account store whose `findByApiKey` answers from memory for `ttlMs` after storage found the key, so that
 * signed polling does not cost a query per request. Only found accounts are kept (an unknown key always asks
 * storage, so made-up keys cannot fill memory), at most {@link maxEntries}, oldest dropped first. A revoked key
 * keeps working for at most `ttlMs` on each instance. `ttlMs` 0 turns the cache off.
 */
export function createCachedAccountStore(
  accounts: AccountStore,
  ttlMs: number,
  now: () => number = Date.now,
): AccountStore {
  if (ttlMs <= 0) return accounts;
  const cache = new Map<string, { account: AccountRow; until: number }>();
  return {
    ...accounts,
    async findByApiKey(apiKey) {
      const hit = cache.get(apiKey);
      if (hit && hit.until > now()) return hit.account;
      cache.delete(apiKey);
      const account = await accounts.findByApiKey(apiKey);
      if (!account) return null;
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value ?? '');
      cache.set(apiKey, { account, until: now() + ttlMs });
      return account;
    },
    async revoke(apiKey, at) {
      cache.delete(apiKey);
      return accounts.revoke(apiKey, at);
    },
    async rotateSecret(rotation) {
      cache.delete(rotation.apiKey);
      return accounts.rotateSecret(rotation);
    },
  };
}
