import * as z from 'zod/mini';
import type { WebhookEventBody } from './session-events.js';
import { SessionStatus } from './session.js';

// The live event streams (`GET /v1/sessions/:session_key/events`, `GET /v1/events`): server-sent events whose
// `data:` is an event body (what a callback receives, without custom keys), named by `event:`, numbered by `id:`.

/** The name of the last message of a session's stream: the session is terminal, there is nothing more to wait for. */
export const streamEndEvent = 'STREAM:END';

/** The `data:` of {@link streamEndEvent}: why the stream ended, and the session's (terminal) status. */
export const StreamEnd = z.object({ reason: z.literal('session_terminal'), status: SessionStatus });
export type StreamEnd = z.infer<typeof StreamEnd>;

/**
 * A stream position as `Last-Event-ID` carries it: the `id:` of the last event read. On a session's stream it is
 * the event's `seq`; on the account's stream, the event's position among all of them. Digits only; `0` is the start.
 */
export const StreamPosition = z.string().check(z.regex(/^\d{1,15}$/, 'expected the id of an event read (digits)'));

/** One event as a live stream delivers it: its `id:` (to resume after) and its body. */
export type LiveEvent = { readonly id: string; readonly body: WebhookEventBody };
