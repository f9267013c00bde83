import { isSessionExpired, transitionStatus } from '@pave/domain';
import type { SessionRow, SessionScope, SessionStore } from '../storage/repository.js';

/**
 * A session found past its expiry window is made `EXPIRED` on the spot (compare-and-set; the periodic sweep does
 * the rest). Returns the session as it now is: the same row when nothing was due, or the row read again (null
 * when it is gone) when the status moved, or another request moved it first.
 */
export async function expireIfDue(
  sessions: SessionStore,
  row: SessionRow,
  now: Date,
  scope: SessionScope,
): Promise<SessionRow | null> {
  const windowSeconds = (row.expiresAt - row.createdAt) / 1000;
  const expired = transitionStatus(row.status, 'expire');
  if (!expired.ok || !isSessionExpired(row.status, new Date(row.createdAt), windowSeconds, now)) return row;
  const at = now.getTime();
  const won = await sessions.updateStatus({ sessionId: row.id, from: row.status, to: expired.value, at });
  return won ? { ...row, status: expired.value, updatedAt: at } : sessions.findByKey(row.sessionKey, scope);
}
