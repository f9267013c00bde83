import type { AccountRow, AccountStore } from '../storage/repository.js';
import { createCachedAccountStore } from './cached-account-store.js';

const account: AccountRow = {
  id: 1,
  username: 'dealer',
  apiKey: 'key-1',
  apiSecret: 'secret',
  expirySeconds: 604800,
  createdAt: 0,
  revokedAt: null,
  storedImageBytes: 0,
  previousApiSecret: null,
  previousSecretExpiresAt: null,
};

function countingStore(found: AccountRow | null) {
  const calls: string[] = [];
  const store = {
    findByApiKey: (key: string) => {
      calls.push(key);
      return Promise.resolve(found);
    },
    revoke: () => Promise.resolve(true),
  } as unknown as AccountStore;
  return { store, calls };
}

describe('createCachedAccountStore', () => {
  it('answers a found key from memory until the time to live is over', async () => {
    const { store, calls } = countingStore(account);
    let clock = 1000;
    const cached = createCachedAccountStore(store, 5000, () => clock);
    await cached.findByApiKey('key-1');
    clock = 5999;
    expect(await cached.findByApiKey('key-1')).toBe(account);
    expect(calls).toHaveLength(1);
    clock = 6001;
    await cached.findByApiKey('key-1');
    expect(calls).toHaveLength(2);
  });

  it('always asks storage about unknown keys', async () => {
    const { store, calls } = countingStore(null);
    const cached = createCachedAccountStore(store, 5000, () => 0);
    expect(await cached.findByApiKey('nope')).toBeNull();
    expect(await cached.findByApiKey('nope')).toBeNull();
    expect(calls).toEqual(['nope', 'nope']);
  });

  it('forgets a key revoked through it', async () => {
    const { store, calls } = countingStore(account);
    const cached = createCachedAccountStore(store, 5000, () => 0);
    await cached.findByApiKey('key-1');
    await cached.revoke('key-1', 0);
    await cached.findByApiKey('key-1');
    expect(calls).toHaveLength(2);
  });

  it('is the store itself when turned off', () => {
    const { store } = countingStore(account);
    expect(createCachedAccountStore(store, 0)).toBe(store);
  });
});
