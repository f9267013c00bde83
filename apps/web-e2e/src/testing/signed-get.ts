import { createHmac } from 'node:crypto';
import { authHeaderNames, formatApiTimestamp, tokenMessage } from '@pave/domain';
import type { TestAccount } from './start-server.js';

/** A JSON answer read as raw text too, so a test can check the exact keys and their order. */
export type RawJsonAnswer = { readonly status: number; readonly text: string; readonly json: unknown };

/**
 * `GET <path>` signed the way the contract says (HMAC-SHA256 of `<username>:<api_key>@<timestamp>`), computed
 * here with node:crypto rather than through `@pave/client`, whose schemas would strip unknown fields.
 */
export async function signedGet(baseUrl: string, account: TestAccount, path: string): Promise<RawJsonAnswer> {
  const timestamp = formatApiTimestamp(new Date());
  const token = createHmac('sha256', account.apiSecret)
    .update(tokenMessage(account.username, account.apiKey, timestamp))
    .digest('hex');
  const response = await fetch(`${baseUrl}${path}`, {
    headers: {
      [authHeaderNames.apiKey]: account.apiKey,
      [authHeaderNames.token]: token,
      [authHeaderNames.timestamp]: timestamp,
    },
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}
