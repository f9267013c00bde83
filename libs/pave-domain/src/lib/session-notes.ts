import * as z from 'zod/mini';
import { WireTimestamp } from './timestamps.js';

/** How long a note may be (characters). */
export const noteMaxLength = 2000;

/** A reviewer's note on a session (contract section 5). */
export const SessionNote = z.object({
  id: z.int().check(z.positive()),
  note: z.string(),
  /** Who added it: the signed-in person's email, or the account's username for a signed request. */
  author: z.string(),
  created_at: WireTimestamp,
});
export type SessionNote = z.infer<typeof SessionNote>;

/** 200 body of `GET /v1/sessions/:session_key/notes`: a bare array, oldest first. */
export const SessionNotes = z.array(SessionNote);
export type SessionNotes = z.infer<typeof SessionNotes>;

/** Body of `POST /v1/sessions/:session_key/notes`: the note's text, 1–2000 characters (trimmed). */
export const AddNoteRequest = z.strictObject({
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(noteMaxLength)),
});
export type AddNoteRequest = z.infer<typeof AddNoteRequest>;

/** How long an invalidation reason may be (characters). */
export const invalidReasonMaxLength = 500;

/** Body of `POST /v1/sessions/:session_key/invalidate` (ours): why the session must not be used, 1–500 characters. */
export const InvalidateSessionRequest = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(invalidReasonMaxLength)),
});
export type InvalidateSessionRequest = z.infer<typeof InvalidateSessionRequest>;
