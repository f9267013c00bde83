import { formatApiTimestamp } from '@pave/domain';
import type { AccountRow, AccountStore } from '../storage/repository.js';
import { checkApiCredentials, expectedToken } from './check-api-credentials.js';

const now = new Date('2026-11-28T12:00:00Z');
const timestamp = formatApiTimestamp(now);

const account: AccountRow = {
  id: 1,
  username: 'dealer',
  apiKey: 'key-1',
  apiSecret: 'secret-one',
  expirySeconds: 604800,
  createdAt: 0,
  revokedAt: null,
  storedImageBytes: 0,
  previousApiSecret: null,
  previousSecretExpiresAt: null,
};

/** A store that answers with whatever row `current` holds now (the account cache hands out one row object). */
function storeOf(current: { row: AccountRow | null }): AccountStore {
  return { findByApiKey: () => Promise.resolve(current.row) } as unknown as AccountStore;
}

const headersFor = (row: AccountRow, at = timestamp) => ({
  apiKey: row.apiKey,
  timestamp: at,
  token: expectedToken(row, at).toString('hex'),
});

describe('checkApiCredentials', () => {
  it('accepts the token of the account secret, again and again within the same second', async () => {
    const accounts = storeOf({ row: account });
    for (let i = 0; i < 3; i += 1) {
      expect(await checkApiCredentials(headersFor(account), accounts, now)).toEqual({ ok: true, value: account });
    }
  });

  it('refuses a wrong token right after the right one was accepted for the same timestamp', async () => {
    const accounts = storeOf({ row: account });
    expect((await checkApiCredentials(headersFor(account), accounts, now)).ok).toBe(true);
    const wrong = { ...headersFor(account), token: 'ab'.repeat(32) };
    expect(await checkApiCredentials(wrong, accounts, now)).toEqual({ ok: false, error: { code: 'invalid_token' } });
  });

  it('refuses a token of the old secret once the account row carries a new one, for the same timestamp', async () => {
    const current: { row: AccountRow | null } = { row: account };
    const accounts = storeOf(current);
    const old = headersFor(account);
    expect((await checkApiCredentials(old, accounts, now)).ok).toBe(true);
    current.row = { ...account, apiSecret: 'secret-two' };
    expect(await checkApiCredentials(old, accounts, now)).toEqual({ ok: false, error: { code: 'invalid_token' } });
    expect((await checkApiCredentials(headersFor(current.row), accounts, now)).ok).toBe(true);
  });

  it('checks each timestamp with its own token', async () => {
    const accounts = storeOf({ row: account });
    const later = new Date(now.getTime() + 1000);
    const laterStamp = formatApiTimestamp(later);
    expect((await checkApiCredentials(headersFor(account), accounts, now)).ok).toBe(true);
    const stale = { ...headersFor(account), timestamp: laterStamp };
    expect(await checkApiCredentials(stale, accounts, later)).toEqual({ ok: false, error: { code: 'invalid_token' } });
    expect((await checkApiCredentials(headersFor(account, laterStamp), accounts, later)).ok).toBe(true);
  });

  it('refuses an unknown key', async () => {
    const result = await checkApiCredentials(headersFor(account), storeOf({ row: null }), now);
    expect(result).toEqual({ ok: false, error: { code: 'unknown_api_key' } });
  });
});
