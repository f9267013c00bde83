import { isTestSessionKey, settingsOfCreate, type CreateSessionRequest, type Session } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, Repository } from '../storage/repository.js';
import { issueCaptureToken } from './capture-token.js';
import { createSessionKey, type RandomInt } from './session-key.js';
import { toSession } from './session-wire.js';

/** What creating a session needs. */
export type InsertSessionDeps = {
  readonly repo: Repository;
  readonly now: () => Date;
  readonly randomInt: RandomInt;
  readonly publicBaseUrl: string;
  /** Seals each new session's capture token (see capture-token.ts). */
  readonly secretBox: SecretBox;
};

/** How many fresh keys `insertSession` tries before giving up (a collision is already ~1 in 36^10). */
export const sessionKeyTries = 8;

/** `POST /v1/sessions`: a new `IDLE` session under a fresh key, expiring after the account's window. */
export async function insertSession(
  deps: InsertSessionDeps,
  account: AccountRow,
  request: CreateSessionRequest,
): Promise<Session> {
  const createdAt = deps.now().getTime();
  const { record } = issueCaptureToken(deps.secretBox);
  for (let attempt = 0; attempt < sessionKeyTries; attempt += 1) {
    const sessionKey = createSessionKey(account.username, deps.randomInt);
    // test sends of callbacks use this key; no session may ever have it
    if (isTestSessionKey(sessionKey)) continue;
    const row = await deps.repo.sessions.insert({
      sessionKey,
      accountId: account.id,
      settings: settingsOfCreate(request),
      createdAt,
      expiresAt: createdAt + account.expirySeconds * 1000,
      captureToken: record,
    });
    if (row) return toSession(row, deps.publicBaseUrl, deps.secretBox);
  }
  throw new Error(`invariant: a free session key is found within ${sessionKeyTries} tries`);
}
