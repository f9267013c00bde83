// @pave/client/sessions: the session client's types, and waitForCapture (see README.md, "Entry points").
export type { SessionsClient, NotesClient, ListSessionsParams } from './lib/create-sessions-client.js';
export type { EventsOptions, StreamState } from './lib/follow-events.js';
export { waitForCapture } from './lib/wait-for-capture.js';
export type { WaitForCaptureOptions } from './lib/wait-for-capture.js';
