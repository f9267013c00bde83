// @pave/client/callbacks: the callback routes over a transport (see README.md, "Entry points").
export { buildCallbacksClient } from './lib/create-callbacks-client.js';
export type { CallbacksClient, ListDeliveriesParams } from './lib/create-callbacks-client.js';
