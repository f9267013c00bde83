import { createHmac } from 'node:crypto';
import { formatWebhookSignature, parseWebhookSecret, webhookSignedContent } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { SigningSecretRow } from '../storage/repository.js';

/** A stored (sealed) signing secret, opened; a value the box cannot open is a broken invariant. */
export function openSigningSecret(box: SecretBox, sealed: string): string {
  const secret = box.open(sealed);
  if (secret === null) throw new Error('invariant: a stored signing secret opens with the secret box');
  return secret;
}

/** The secrets that sign at `at`, opened: the current one, and the previous one until its 24 hours are over. */
export function activeSecrets(row: SigningSecretRow, at: number, box: SecretBox): string[] {
  const previous = row.previousSecret !== null && (row.previousExpiresAt ?? 0) > at ? [row.previousSecret] : [];
  return [row.secret, ...previous].map((sealed) => openSigningSecret(box, sealed));
}

/** The `webhook-signature` header of a delivery: one `v1,<base64 HMAC-SHA256>` entry per secret. */
export function signWebhook(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  const content = webhookSignedContent(id, timestampSeconds, body);
  const signatures = secrets.map((secret) => {
    const key = parseWebhookSecret(secret);
    if (!key) throw new Error('invariant: a stored signing secret is whsec_<base64>');
    return createHmac('sha256', key).update(content).digest('base64');
  });
  return formatWebhookSignature(signatures);
}
