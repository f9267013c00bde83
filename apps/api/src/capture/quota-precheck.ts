import type { AccountStore } from '../storage/repository.js';

/** Whether an account already holds its storage quota, asked before an upload is read: true when it does. */
export type QuotaPrecheck = (accountId: number) => Promise<boolean>;

/** How long an account found under its quota is taken to stay under it before it is read again. */
export const underQuotaFreshMs = 1000;

/** Past this many accounts remembered, the stale ones are forgotten. */
const pruneAbove = 1000;

/**
 * The quota check made before an upload is read, so that an account at its quota costs no read and no decoding.
 * An account found under the quota is not read again for {@link underQuotaFreshMs} (a driver's 13 uploads come in a
 * burst): at worst, an upload that crossed the quota meanwhile is read and decoded, then refused by the append,
 * which checks the quota again under the session's lock. An account found at or over it is read every time, so
 * photos erased to make room let the next upload through at once. With no quota (0) nothing is read.
 */
export function createQuotaPrecheck(accounts: AccountStore, quotaBytes: number, now: () => number): QuotaPrecheck {
  const underUntil = new Map<number, number>();
  const forgetStale = (at: number): void => {
    for (const [accountId, until] of underUntil) if (until <= at) underUntil.delete(accountId);
  };
  return async (accountId) => {
    if (quotaBytes <= 0) return false;
    const at = now();
    if ((underUntil.get(accountId) ?? 0) > at) return false;
    const account = await accounts.findById(accountId);
    const over = account !== null && account.storedImageBytes >= quotaBytes;
    if (over) underUntil.delete(accountId);
    else {
      underUntil.set(accountId, at + underQuotaFreshMs);
      if (underUntil.size > pruneAbove) forgetStale(at);
    }
    return over;
  };
}
