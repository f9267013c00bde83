// @pave/client/webhooks: checks a callback delivery's signature (Node and browsers; see README.md).
export { verifyWebhook } from './lib/verify-webhook.js';
export type { VerifyWebhookOptions, WebhookHeadersInput } from './lib/verify-webhook.js';
