import { createHmac, randomBytes } from 'node:crypto';
import { authHeaderNames, formatApiTimestamp, tokenMessage } from '@pave/domain';
import type { AccountRow, Repository } from '../storage/repository.js';

/** An account's credentials, as a test client holds them. */
export type TestCredentials = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

/** Creates an account with random credentials. */
export async function createTestAccount(
  repo: Repository,
  username: string,
  createdAt = Date.UTC(2021, 0, 1),
): Promise<{ account: AccountRow; credentials: TestCredentials }> {
  const credentials = {
    username,
    apiKey: `key-${randomBytes(8).toString('hex')}`,
    apiSecret: randomBytes(24).toString('hex'),
  };
  const created = await repo.accounts.create({ ...credentials, createdAt });
  if (!created.ok) throw new Error(`test account ${username} exists`);
  return { account: created.value, credentials };
}

/** The API-Token of credentials for a timestamp string (lowercase hex HMAC-SHA256). */
export function signToken(credentials: TestCredentials, timestamp: string): string {
  return createHmac('sha256', credentials.apiSecret)
    .update(tokenMessage(credentials.username, credentials.apiKey, timestamp))
    .digest('hex');
}

/** The three auth headers, signed at `at` (or with a given timestamp string). */
export function authHeaders(credentials: TestCredentials, at: Date | string): Record<string, string> {
  const timestamp = typeof at === 'string' ? at : formatApiTimestamp(at);
  return {
    [authHeaderNames.apiKey]: credentials.apiKey,
    [authHeaderNames.token]: signToken(credentials, timestamp),
    [authHeaderNames.timestamp]: timestamp,
  };
}
