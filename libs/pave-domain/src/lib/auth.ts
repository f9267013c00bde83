import * as z from 'zod/mini';
import type { Result } from './result.js';
import {
  checkTimestampFreshness,
  parseApiTimestamp,
  tokenFreshnessSeconds,
  tokenFutureSkewSeconds,
  type ApiTimestampError,
} from './timestamps.js';

/** The three request headers PAVE's auth needs, as spelled on the wire. */
export const authHeaderNames = { apiKey: 'API-Key', token: 'API-Token', timestamp: 'API-Timestamp' } as const;
export type AuthHeaderName = (typeof authHeaderNames)[keyof typeof authHeaderNames];

/** An `API-Token`: lowercase hex HMAC-SHA256 (64 characters). */
export const ApiToken = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** The string an `API-Token` signs: `<username>:<api_key>@<timestamp>`, with the timestamp exactly as sent. */
export function tokenMessage(username: string, apiKey: string, timestamp: string): string {
  return `${username}:${apiKey}@${timestamp}`;
}

/** Why a request's credentials were refused. Never carries the expected token or a secret. */
export type AuthError =
  | { code: 'missing_header'; header: AuthHeaderName }
  | { code: 'unknown_api_key' }
  | { code: 'invalid_token' }
  | ApiTimestampError;

/** The three header values as received (undefined when absent). */
export type AuthHeaders = {
  readonly apiKey: string | undefined;
  readonly token: string | undefined;
  readonly timestamp: string | undefined;
};

/** The header values once present and readable, with the parsed timestamp. */
export type CheckedAuthHeaders = { apiKey: string; token: string; timestamp: string; signedAt: Date };

/**
 * The checks that need no account: all three headers present, a readable timestamp fresh at `now` ({@link checkTimestampFreshness}),
 * a token that is 64 lowercase hex digits (anything else can never match, so it is an invalid token).
 */
export function checkAuthHeaders(headers: AuthHeaders, now: Date): Result<CheckedAuthHeaders, AuthError> {
  const { apiKey, token, timestamp } = headers;
  if (!apiKey) return { ok: false, error: { code: 'missing_header', header: authHeaderNames.apiKey } };
  if (!token) return { ok: false, error: { code: 'missing_header', header: authHeaderNames.token } };
  if (!timestamp) return { ok: false, error: { code: 'missing_header', header: authHeaderNames.timestamp } };
  const parsed = parseApiTimestamp(timestamp);
  if (!parsed.ok) return parsed;
  const fresh = checkTimestampFreshness(parsed.value, now);
  if (!fresh.ok) return fresh;
  if (!ApiToken.safeParse(token).success) return { ok: false, error: { code: 'invalid_token' } };
  return { ok: true, value: { apiKey, token, timestamp, signedAt: parsed.value } };
}

/** The 401 message for an auth refusal: says what is wrong, never what was expected. */
export function authErrorMessage(error: AuthError): string {
  switch (error.code) {
    case 'missing_header':
      return `Missing ${error.header} header.`;
    case 'unknown_api_key':
      return 'Unknown API-Key.';
    case 'invalid_token':
      return 'Invalid API-Token.';
    case 'unreadable_timestamp':
      return 'Unreadable API-Timestamp: use YYYY-MM-DDTHH:MM:SSZ, Unix seconds or an RFC 1123 date.';
    case 'expired_timestamp':
      return error.skewSeconds < 0
        ? `Expired API-Timestamp: it is ${-error.skewSeconds} s behind the server clock (at most ${tokenFreshnessSeconds} s allowed).`
        : `Expired API-Timestamp: it is ${error.skewSeconds} s ahead of the server clock (at most ${tokenFutureSkewSeconds} s allowed).`;
  }
}
