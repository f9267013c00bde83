import { decodeBase64, encodeBase64 } from './base64.js';
import type { Result } from './result.js';

// Standard Webhooks 1.0 (https://www.standardwebhooks.com): the pure parts. The HMAC itself is computed with
// WebCrypto by @pave/client (browsers and Node) and node:crypto by the server.

/** The three headers of a signed delivery. */
export const webhookHeaderNames = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** The prefix of a signing secret. */
export const webhookSecretPrefix = 'whsec_';

/** How far (seconds) a delivery's `webhook-timestamp` may be from the receiver's clock (the library's default). */
export const webhookToleranceSeconds = 300;

/** The text that is signed: `<id>.<timestamp>.<body>`. */
export function webhookSignedContent(id: string, timestampSeconds: number, body: string): string {
  return `${id}.${timestampSeconds}.${body}`;
}

/** The key bytes of `whsec_<base64>` (the prefix is optional, as in the libraries); null when not base64. */
export function parseWebhookSecret(secret: string): Uint8Array | null {
  const base64 = secret.startsWith(webhookSecretPrefix) ? secret.slice(webhookSecretPrefix.length) : secret;
  const key = decodeBase64(base64);
  return key && key.length > 0 ? key : null;
}

/** Spells key bytes as a signing secret, `whsec_<base64>`. */
export function formatWebhookSecret(key: Uint8Array): string {
  return `${webhookSecretPrefix}${encodeBase64(key)}`;
}

/** The `webhook-signature` header of base64 signatures: `v1,<sig>` entries separated by spaces. */
export function formatWebhookSignature(signatures: readonly string[]): string {
  return signatures.map((signature) => `v1,${signature}`).join(' ');
}

/** The `v1` signatures of a `webhook-signature` header (other versions are ignored, as the spec says). */
export function parseWebhookSignature(header: string): string[] {
  return header
    .split(' ')
    .map((entry) => entry.split(','))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] === 'v1' && parts[1] !== '')
    .map(([, signature]) => signature);
}

/** Why a delivery was refused by a receiver. */
export type WebhookVerifyError =
  | { code: 'missing_headers'; missing: readonly string[] }
  | { code: 'invalid_secret' }
  | { code: 'invalid_timestamp' }
  | { code: 'timestamp_out_of_tolerance'; skewSeconds: number }
  | { code: 'invalid_signature' }
  | { code: 'invalid_body'; issues: readonly string[] };

/** The checked headers of a delivery: its id, timestamp and `v1` signatures. */
export type WebhookHeaders = { id: string; timestampSeconds: number; signatures: string[] };

/** Reads the three headers (names are case-insensitive) and checks the timestamp against `now`. */
export function checkWebhookHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  now: Date,
  toleranceSeconds: number = webhookToleranceSeconds,
): Result<WebhookHeaders, WebhookVerifyError> {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const [id, timestamp, signature] = Object.values(webhookHeaderNames).map((name) => lower.get(name));
  const missing = Object.values(webhookHeaderNames).filter((name) => !lower.get(name));
  if (!id || !timestamp || !signature) return { ok: false, error: { code: 'missing_headers', missing } };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, error: { code: 'invalid_timestamp' } };
  const skewSeconds = Math.round(now.getTime() / 1000) - Number(timestamp);
  if (Math.abs(skewSeconds) > toleranceSeconds) {
    return { ok: false, error: { code: 'timestamp_out_of_tolerance', skewSeconds } };
  }
  return { ok: true, value: { id, timestampSeconds: Number(timestamp), signatures: parseWebhookSignature(signature) } };
}

/** A readable sentence for a refused delivery (never containing the secret). */
export function webhookVerifyMessage(error: WebhookVerifyError): string {
  switch (error.code) {
    case 'missing_headers':
      return `Missing webhook headers: ${error.missing.join(', ')}.`;
    case 'invalid_secret':
      return 'The signing secret is not whsec_ followed by base64.';
    case 'invalid_timestamp':
      return 'webhook-timestamp is not Unix seconds.';
    case 'timestamp_out_of_tolerance':
      return `webhook-timestamp is ${Math.abs(error.skewSeconds)} s off the receiver's clock.`;
    case 'invalid_signature':
      return 'No webhook-signature entry matches the body.';
    case 'invalid_body':
      return `The body is not a known event: ${error.issues.join('; ')}.`;
  }
}

/**
 * When a failed delivery is tried again (seconds after each failed try): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h,
 * about 27.6 h in all, the schedule Standard Webhooks recommends. After the last one the delivery is `failed`.
 */
export const defaultRetrySchedule = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;

/** How much a retry delay is spread (±10 %), so receivers that failed together are not retried together. */
export const retryJitter = 0.1;

/**
 * Milliseconds until the next try after `failedTries` failed tries, with `random` in [0, 1) spreading it by ±10 %;
 * null when the schedule is used up (the delivery is then `failed`).
 */
export function nextRetryDelayMs(schedule: readonly number[], failedTries: number, random: number): number | null {
  const seconds = schedule[failedTries - 1];
  if (failedTries < 1 || seconds === undefined) return null;
  return Math.round(seconds * 1000 * (1 + retryJitter * (2 * random - 1)));
}
