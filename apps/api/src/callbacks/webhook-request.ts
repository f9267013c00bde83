import { webhookHeaderNames } from '@pave/domain';
import type { CallbackRow } from '../storage/repository.js';
import { createGuardedLookup, literalHostRefusal } from './outbound-guard.js';
import { createWebhookAgents, type SendOptions, type WebhookRequest } from './send-webhook.js';
import { signWebhook } from './sign-webhook.js';

/** How much of a receiver's answer is read: enough for an error page's first lines, never more. */
export const maxWebhookResponseBytes = 4096;

/** How deliveries are sent: the deadline, the response cap, the address guard, and keep-alive agents by default. */
export function createWebhookSendOptions(
  settings: { readonly timeoutMs: number; readonly allowPrivate: boolean },
  agents: SendOptions['agents'] = createWebhookAgents(),
): SendOptions {
  return {
    timeoutMs: settings.timeoutMs,
    maxResponseBytes: maxWebhookResponseBytes,
    lookup: createGuardedLookup(settings.allowPrivate),
    refuseHost: (url) => literalHostRefusal(url, settings.allowPrivate),
    agents,
  };
}

/** What one signed delivery is made of: the callback, the event's id, the JSON body, the secrets and the time. */
export type SignedWebhookParts = {
  readonly callback: Pick<CallbackRow, 'url' | 'method' | 'headers'>;
  readonly webhookId: string;
  readonly body: string;
  /** The opened signing secrets (the current one, and the previous one while it signs). */
  readonly secrets: readonly string[];
  readonly at: number;
};

/**
 * The request of a delivery: the callback's custom headers, then ours (they win), signed per Standard Webhooks.
 * Every delivery, real or test, is built here.
 */
export function signedWebhookRequest(parts: SignedWebhookParts): WebhookRequest {
  const timestamp = Math.floor(parts.at / 1000);
  const signature = signWebhook(parts.secrets, parts.webhookId, timestamp, parts.body);
  const headers = {
    ...parts.callback.headers,
    'content-type': 'application/json',
    'user-agent': 'pave-webhooks/1',
    [webhookHeaderNames.id]: parts.webhookId,
    [webhookHeaderNames.timestamp]: String(timestamp),
    [webhookHeaderNames.signature]: signature,
  };
  return { url: parts.callback.url, method: parts.callback.method, headers, body: parts.body };
}
