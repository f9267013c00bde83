// @pave/client/capture: the client of one capture link, for the phone capture app (see README.md, "Entry points").
export { createCaptureClient } from './lib/create-capture-client.js';
export type { CaptureClient, UploadOptions } from './lib/create-capture-client.js';
export type { CaptureClientOptions, RetryOptions, TransportOptions } from './lib/resolve-transport-settings.js';
export type { PaveRequestEvent, PaveResponseEvent, RequestOptions } from './lib/create-transport.js';
