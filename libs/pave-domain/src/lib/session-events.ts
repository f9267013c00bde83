import * as z from 'zod/mini';
import { captureUrlWithoutToken, captureUrlWithToken, type CaptureToken } from './capture-link.js';
import { PhotoCode, PhotoLabel, photoLabelOf } from './photo-code.js';
import { parseApprovedMessage } from './qa-reasons.js';
import { AbsoluteUrl, type SessionPhoto } from './session-photo.js';
import { SessionNote } from './session-notes.js';
import { SessionResultsBody } from './session-results.js';
import { SessionKey, SessionStatus } from './session.js';

/** The events a session fires (contract section 6): what callbacks subscribe to and live streams carry. */
export const CallbackEvent = z.enum([
  'SESSION:STAGE_CHANGE',
  'SESSION:STATUS_CHANGE',
  'SESSION:COMPLETE',
  'SESSION:NOTE_INSERT',
]);
export type CallbackEvent = z.infer<typeof CallbackEvent>;

/** Every event, in the order the contract lists them. */
export const callbackEvents = CallbackEvent.options;

/** A photo attempt's verdict as `SESSION:STAGE_CHANGE` spells it. */
export const PhotoStatus = z.enum(['ACCEPTED', 'REJECTED']);
export type PhotoStatus = z.infer<typeof PhotoStatus>;

const stageChangeShape = {
  session_key: SessionKey,
  photo_code: PhotoCode,
  photo_label: PhotoLabel,
  /** The image; null for a skipped exterior step. */
  photo_url: z.nullable(AbsoluteUrl),
  photo_status: PhotoStatus,
  /** The rejection reason; null when accepted. */
  message: z.nullable(z.string()),
};

/** `SESSION:STAGE_CHANGE`: one capture attempt (photo, typed-in value or skip) and its verdict. */
export const StageChangePayload = z.object(stageChangeShape).check(
  z.refine((p) => photoLabelOf(p.photo_code) === p.photo_label, {
    message: 'photo_label does not match photo_code',
    path: ['photo_label'],
  }),
  z.refine((p) => (p.photo_status === 'ACCEPTED') === (p.message === null), {
    message: 'message is null exactly when photo_status is ACCEPTED',
    path: ['message'],
  }),
);
export type StageChangePayload = z.infer<typeof StageChangePayload>;

const statusChangeShape = { session_key: SessionKey, status: SessionStatus, previous_status: SessionStatus };

/** `SESSION:STATUS_CHANGE`: the session moved from `previous_status` to `status`. */
export const StatusChangePayload = z
  .object(statusChangeShape)
  .check(
    z.refine((p) => p.status !== p.previous_status, { message: 'status equals previous_status', path: ['status'] }),
  );
export type StatusChangePayload = z.infer<typeof StatusChangePayload>;

/** `SESSION:COMPLETE`: the results document (contract section 4) without its `event` field. */
export const CompletePayload = SessionResultsBody;
export type CompletePayload = z.infer<typeof CompletePayload>;

/** A reviewer's note as `SESSION:NOTE_INSERT` carries it: the note as `GET …/notes` lists it. */
export const EventNote = SessionNote;
export type EventNote = SessionNote;

const noteInsertShape = { session_key: SessionKey, note: EventNote };

/** `SESSION:NOTE_INSERT`: a note was added to the session. */
export const NoteInsertPayload = z.object(noteInsertShape);
export type NoteInsertPayload = z.infer<typeof NoteInsertPayload>;

/** The payload schema of each event: what is stored with the event, and validated before it is. */
export const eventPayloadSchemas = {
  'SESSION:STAGE_CHANGE': StageChangePayload,
  'SESSION:STATUS_CHANGE': StatusChangePayload,
  'SESSION:COMPLETE': CompletePayload,
  'SESSION:NOTE_INSERT': NoteInsertPayload,
} as const satisfies Record<CallbackEvent, z.ZodMiniType>;

/** The payload of an event, by event. */
export type EventPayloadOf = { [E in CallbackEvent]: z.infer<(typeof eventPayloadSchemas)[E]> };

/** An event and its payload, typed together: what the repository records. */
export type SessionEventPayload = { [E in CallbackEvent]: { event: E; payload: EventPayloadOf[E] } }[CallbackEvent];

// A capture link's token is a credential, kept at rest only as a hash and a sealed copy. Of the events, only
// `SESSION:COMPLETE` holds one (its session object's `capture_url`): it is stored without it, and put back on the way
// out to whoever may see it (callbacks, signed streams), so the wire carries the same document as `GET …/results`.

/** An event as storage keeps it: a `SESSION:COMPLETE` session's `capture_url` without its token; others as they are. */
export function toStoredEvent(recorded: SessionEventPayload): SessionEventPayload {
  if (recorded.event !== 'SESSION:COMPLETE') return recorded;
  return { event: recorded.event, payload: withCaptureUrl(recorded.payload, captureUrlWithoutToken) };
}

/** A stored `SESSION:COMPLETE` payload with `token` back in its session's `capture_url` (see {@link toStoredEvent}). */
export function withCaptureToken(payload: CompletePayload, token: CaptureToken): CompletePayload {
  return withCaptureUrl(payload, (url) => captureUrlWithToken(url, token));
}

function withCaptureUrl(payload: CompletePayload, change: (url: string) => string): CompletePayload {
  return { ...payload, session: { ...payload.session, capture_url: change(payload.session.capture_url) } };
}

/** A session's sequence number: 1, 2, 3… per session, in the order its events were recorded. */
export const EventSeq = z.number().check(z.int(), z.positive());

const envelope = { seq: EventSeq };

// Bodies are loose objects: a delivery also carries the callback's custom `payload` keys, which are kept.
/** The body of a `SESSION:STAGE_CHANGE` delivery. */
export const StageChangeEvent = z.looseObject({
  event: z.literal('SESSION:STAGE_CHANGE'),
  ...envelope,
  ...stageChangeShape,
});
/** The body of a `SESSION:STATUS_CHANGE` delivery. */
export const StatusChangeEvent = z.looseObject({
  event: z.literal('SESSION:STATUS_CHANGE'),
  ...envelope,
  ...statusChangeShape,
});
/** The body of a `SESSION:COMPLETE` delivery (the results document, plus `seq`). */
export const CompleteEvent = z.looseObject({
  event: z.literal('SESSION:COMPLETE'),
  ...envelope,
  ...SessionResultsBody.shape,
});
/** The body of a `SESSION:NOTE_INSERT` delivery. */
export const NoteInsertEvent = z.looseObject({
  event: z.literal('SESSION:NOTE_INSERT'),
  ...envelope,
  ...noteInsertShape,
});

/** Any event body as a receiver gets it: `event`, `seq`, the event's fields and the callback's custom keys. */
export const WebhookEventBody = z.discriminatedUnion('event', [
  StageChangeEvent,
  StatusChangeEvent,
  CompleteEvent,
  NoteInsertEvent,
]);
export type WebhookEventBody = z.infer<typeof WebhookEventBody>;

/** A custom payload: JSON values merged into every delivery's top level. */
export type CustomPayload = Readonly<Record<string, unknown>>;

/**
 * The JSON body of an event: the callback's custom `payload` keys, then `event`, the event's fields and `seq`. The
 * event's own fields win over custom keys of the same name, so a receiver can always rely on them.
 */
export function toEventBody(
  recorded: { event: CallbackEvent; seq: number; payload: object },
  custom: CustomPayload = {},
): Record<string, unknown> {
  return { ...custom, event: recorded.event, ...recorded.payload, seq: recorded.seq };
}

/** The `SESSION:STAGE_CHANGE` payload of an attempt, from the attempt as `GET …/photos` answers it. */
export function stageChangePayload(sessionKey: SessionKey, photo: SessionPhoto): StageChangePayload {
  const verdict = parseApprovedMessage(photo.approved_message);
  return {
    session_key: sessionKey,
    photo_code: photo.photo_code,
    photo_label: photo.photo_label,
    photo_url: photo.url,
    photo_status: photo.approved ? 'ACCEPTED' : 'REJECTED',
    message: verdict && !verdict.approved ? verdict.reason : null,
  };
}

/** The `SESSION:STATUS_CHANGE` payload of a move from `previous` to `status`. */
export function statusChangePayload(
  sessionKey: SessionKey,
  previous: SessionStatus,
  status: SessionStatus,
): StatusChangePayload {
  return { session_key: sessionKey, status, previous_status: previous };
}
