import type { SessionKey } from '@pave/domain';
import type { AccountRow, Repository, SessionRow } from '../storage/repository.js';
import { expireIfDue } from './expire-on-access.js';

/** What finding an account's session needs. */
export type FindSessionDeps = { readonly repo: Repository; readonly now: () => Date };

/** The account's session with this key, made `EXPIRED` on the spot when overdue; null when it is not found. */
export async function findOwnSession(
  deps: FindSessionDeps,
  account: AccountRow,
  sessionKey: SessionKey,
): Promise<SessionRow | null> {
  const row = await deps.repo.sessions.findByKey(sessionKey, { accountId: account.id });
  return row ? expireIfDue(deps.repo.sessions, row, deps.now(), { accountId: account.id }) : null;
}
