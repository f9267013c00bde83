import type { Callback, Delivery, SigningSecretResponse } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import { wireTimestamp } from '../sessions/session-wire.js';
import { openSigningSecret } from './sign-webhook.js';
import type { CallbackRow, DeliveryRow, SigningSecretRow } from '../storage/repository.js';

/** A callback configuration as PAVE answers it. */
export function toCallback(row: CallbackRow): Callback {
  return {
    event: row.event,
    url: row.url,
    method: row.method,
    headers: { ...row.headers },
    payload: { ...row.payload },
  };
}

/** A delivery and its tries, as the delivery log answers it. */
export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: String(row.id),
    webhook_id: row.eventId,
    event: row.event,
    session_key: row.sessionKey,
    seq: row.seq,
    state: row.state,
    created_at: wireTimestamp(row.createdAt),
    next_attempt_at: row.nextAttemptAt === null ? null : wireTimestamp(row.nextAttemptAt),
    delivered_at: row.deliveredAt === null ? null : wireTimestamp(row.deliveredAt),
    attempts: row.attempts.map((attempt) => ({
      at: wireTimestamp(attempt.at),
      url: attempt.url,
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      error: attempt.error,
    })),
  };
}

/** The signing secret as `GET /v1/callbacks/signing-secret` answers it. */
export function toSigningSecret(
  apiKey: string,
  row: SigningSecretRow,
  at: number,
  box: SecretBox,
): SigningSecretResponse {
  const previousActive = row.previousSecret !== null && row.previousExpiresAt !== null && row.previousExpiresAt > at;
  return {
    api_key: apiKey,
    secret: openSigningSecret(box, row.secret),
    created_at: wireTimestamp(row.createdAt),
    previous_expires_at: previousActive && row.previousExpiresAt !== null ? wireTimestamp(row.previousExpiresAt) : null,
  };
}
