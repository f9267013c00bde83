// The public API of @pave/client: a typed, resilient client of the Session Photos API. See README.md.
// Each area is also its own entry point (`@pave/client/sessions`, `/people`, `/callbacks`, `/capture`, `/admin`,
// `/errors`, `/webhooks`), so that a browser bundle carries only the areas a page uses.
export { createPaveClient } from './lib/create-pave-client.js';
export type { PaveClient, PaveClientOptions } from './lib/create-pave-client.js';
export type { SessionsClient, NotesClient, ListSessionsParams } from './lib/create-sessions-client.js';
export { createPeopleClient, createPeopleSessionsClient } from './lib/create-people-client.js';
export type {
  PeopleClient,
  PeopleSessionsClient,
  PeopleClientOptions,
  AuthClient,
} from './lib/create-people-client.js';
export { buildAdminClient } from './lib/create-admin-client.js';
export type { AdminClient } from './lib/create-admin-client.js';
export { verifyWebhook } from './lib/verify-webhook.js';
export type { VerifyWebhookOptions, WebhookHeadersInput } from './lib/verify-webhook.js';
export { buildCallbacksClient } from './lib/create-callbacks-client.js';
export type { CallbacksClient, ListDeliveriesParams } from './lib/create-callbacks-client.js';
export { createCaptureClient } from './lib/create-capture-client.js';
export type { CaptureClient, UploadOptions } from './lib/create-capture-client.js';
export type {
  ApiClientOptions,
  CaptureClientOptions,
  RetryOptions,
  TransportOptions,
} from './lib/resolve-transport-settings.js';
export type {
  HttpMethod,
  PaveRequestEvent,
  PaveResponseEvent,
  RequestOptions,
  Transport,
  ApiCall,
} from './lib/create-transport.js';
export {
  PaveClientError,
  PaveApiError,
  PaveNotFoundError,
  PaveAuthError,
  PaveNetworkError,
  PaveTimeoutError,
  PaveResponseError,
  isPaveClientError,
} from './lib/pave-client-error.js';
export type { PaveClientErrorKind } from './lib/pave-client-error.js';
export type { EventsOptions, StreamState } from './lib/follow-events.js';
export { waitForCapture } from './lib/wait-for-capture.js';
export type { WaitForCaptureOptions } from './lib/wait-for-capture.js';
export { defaultRetryPolicy, retryableStatuses } from './lib/retry-policy.js';
export type { RetryPolicy } from './lib/retry-policy.js';
