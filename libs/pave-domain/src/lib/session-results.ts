import * as z from 'zod/mini';
import type { Result } from './result.js';
import { sessionShape, SessionVehicle, type Session } from './session-object.js';
import { SessionPhotos } from './session-photo.js';
import type { SessionKey } from './session.js';
import { secondsBetween } from './timestamps.js';

/** The event name of the results document (the `SESSION:COMPLETE` callback carries the same document). */
export const sessionCompleteEvent = 'SESSION:COMPLETE';

/** Where a session came from: always the API here, under the account's username. */
export const SessionSource = z.object({
  type: z.literal('api'),
  properties: z.object({ api_name: z.string() }),
});
export type SessionSource = z.infer<typeof SessionSource>;

/**
 * 200 body of `GET /v1/sessions/:session_key/results` (contract section 4): the session object with its durations
 * and source, its vehicle, and its photos exactly as `GET …/photos` answers them (last, so their bytes are too).
 */
export const SessionResults = z.object({
  event: z.literal(sessionCompleteEvent),
  session: z.object({
    ...sessionShape,
    /** Seconds from the start of the capture to its last attempt. */
    capture_duration: z.number().check(z.nonnegative()),
    /** Seconds from the start of the capture to the driver's confirmation. */
    inspect_duration: z.number().check(z.nonnegative()),
    source: SessionSource,
  }),
  vehicle: SessionVehicle,
  photos: SessionPhotos,
});
export type SessionResults = z.infer<typeof SessionResults>;

/** Results asked for before the session is `COMPLETE`. */
export type ResultsNotReady = { readonly code: 'session_not_completed'; readonly sessionKey: SessionKey };

/**
 * The results document of a `COMPLETE` session, from its session object, its photos (as `GET …/photos` answers
 * them, in capture order) and the account's username; refused in any other status.
 */
export function toSessionResults(
  session: Session,
  photos: SessionPhotos,
  apiName: string,
): Result<SessionResults, ResultsNotReady> {
  const { inspect_started_at: started, inspect_ended_at: ended } = session;
  if (session.status !== 'COMPLETE' || started === null || ended === null) {
    return { ok: false, error: { code: 'session_not_completed', sessionKey: session.session_key } };
  }
  const lastAttempt = photos.at(-1)?.created_at ?? started;
  return {
    ok: true,
    value: {
      event: sessionCompleteEvent,
      session: {
        ...session,
        capture_duration: Math.max(0, secondsBetween(started, lastAttempt)),
        inspect_duration: Math.max(0, secondsBetween(started, ended)),
        source: { type: 'api', properties: { api_name: apiName } },
      },
      vehicle: session.vehicle,
      photos,
    },
  };
}
