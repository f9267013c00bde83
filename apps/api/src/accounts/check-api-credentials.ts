import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkAuthHeaders, tokenMessage, type AuthError, type AuthHeaders, type Result } from '@pave/domain';
import type { AccountRow, AccountStore } from '../storage/repository.js';

/** The token an account's secret (or `secret`, another of its secrets) makes for a timestamp string, as raw bytes. */
export function expectedToken(account: AccountRow, timestamp: string, secret = account.apiSecret): Buffer {
  return createHmac('sha256', secret)
    .update(tokenMessage(account.username, account.apiKey, timestamp))
    .digest();
}

/** The secret before the last rotation while its grace period lasts (`npm run accounts -- rotate`); null otherwise. */
function previousSecretOf(account: AccountRow, now: Date): string | null {
  const until = account.previousSecretExpiresAt;
  return account.previousApiSecret !== null && until !== null && until > now.getTime()
    ? account.previousApiSecret
    : null;
}

/**
 * The last expected token computed per account row. A token depends only on the account and the timestamp
 * (whole seconds), so a client's requests within one second (a dashboard polling its sessions, an integrator
 * under load) all carry the same one; this computes it once. Keyed by the row object the account cache hands out,
 * so a changed secret (a new row) never meets an old token, and a forgotten row takes its entry with it.
 */
const lastExpected = new WeakMap<AccountRow, { timestamp: string; token: Buffer }>();

function expectedTokenOnce(account: AccountRow, timestamp: string): Buffer {
  const last = lastExpected.get(account);
  if (last?.timestamp === timestamp) return last.token;
  const token = expectedToken(account, timestamp);
  lastExpected.set(account, { timestamp, token });
  return token;
}

/**
 * PAVE's request auth (contract section 1): headers present and fresh, an active API key, and an `API-Token`
 * equal to HMAC-SHA256(secret, `<username>:<api_key>@<timestamp as sent>`), compared in constant time.
 */
export async function checkApiCredentials(
  headers: AuthHeaders,
  accounts: AccountStore,
  now: Date,
): Promise<Result<AccountRow, AuthError>> {
  const checked = checkAuthHeaders(headers, now);
  if (!checked.ok) return checked;
  const account = await accounts.findByApiKey(checked.value.apiKey);
  if (!account) return { ok: false, error: { code: 'unknown_api_key' } };
  const expected = expectedTokenOnce(account, checked.value.timestamp);
  // checkAuthHeaders let through only 64 lowercase hex digits, so both are 32 bytes
  const given = Buffer.from(checked.value.token, 'hex');
  if (given.length !== expected.length) return { ok: false, error: { code: 'invalid_token' } };
  if (timingSafeEqual(given, expected)) return { ok: true, value: account };
  const previous = previousSecretOf(account, now);
  if (previous !== null && timingSafeEqual(given, expectedToken(account, checked.value.timestamp, previous))) {
    return { ok: true, value: account };
  }
  return { ok: false, error: { code: 'invalid_token' } };
}
