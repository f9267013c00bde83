// The public API of @pave/client: a typed, resilient client of the Session Photos API. See README.md.
// Each area is also its own entry point (`@pave/client/sessions`, `/people`, `/callbacks`, `/capture`, `/admin`,
// `/errors`, `/webhooks`), so that a browser bundle carries only the areas a page uses; the root is all of them,
// plus the client of the whole API for machines.
export * from './admin.js';
export * from './callbacks.js';
export * from './capture.js';
export * from './errors.js';
export * from './people.js';
export * from './sessions.js';
export * from './webhooks.js';
export { createPaveClient } from './lib/create-pave-client.js';
export type { PaveClient, PaveClientOptions } from './lib/create-pave-client.js';
export type { CaptureClientOptions } from './lib/resolve-transport-settings.js';
export { defaultRetryPolicy, retryableStatuses } from './lib/retry-policy.js';
export type { RetryPolicy } from './lib/retry-policy.js';
