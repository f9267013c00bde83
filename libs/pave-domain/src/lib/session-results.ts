import * as z from 'zod/mini';
import type { Result } from './result.js';
import { sessionShape, SessionVehicle, type Session } from './session-object.js';
import { SessionPhotos, type SessionPhoto } from './session-photo.js';
import type { SessionKey } from './session.js';
import { secondsBetween } from './timestamps.js';

// The results document (contract section 4) is what `GET …/results` answers and what `SESSION:COMPLETE` carries.
// It is defined here once; the results route and the callback both use it.

/** The event name of the results document (the `SESSION:COMPLETE` callback carries the same document). */
export const sessionCompleteEvent = 'SESSION:COMPLETE';

/** Who created the session: PAVE's `source`, always the API here, with the account's username. */
export const SessionSource = z.object({
  type: z.literal('api'),
  properties: z.object({ api_name: z.string() }),
});
export type SessionSource = z.infer<typeof SessionSource>;

/** The session part of the results document: the session object plus durations and source. */
export const ResultsSession = z.object({
  ...sessionShape,
  /** Seconds from the first attempt to the last one; null without attempts. */
  capture_duration: z.nullable(z.number().check(z.nonnegative())),
  /** Seconds from the first attempt to the driver's confirmation; null without attempts or before confirmation. */
  inspect_duration: z.nullable(z.number().check(z.nonnegative())),
  source: SessionSource,
});
export type ResultsSession = z.infer<typeof ResultsSession>;

/** The document of a `COMPLETE` session without its `event` field: session, vehicle and the photos array (last). */
export const SessionResultsBody = z.object({
  session: ResultsSession,
  vehicle: SessionVehicle,
  photos: SessionPhotos,
});
export type SessionResultsBody = z.infer<typeof SessionResultsBody>;

/** 200 body of `GET /v1/sessions/:session_key/results`: `event`, then the document, its photos as `GET …/photos`. */
export const SessionResults = z.object({ event: z.literal(sessionCompleteEvent), ...SessionResultsBody.shape });
export type SessionResults = z.infer<typeof SessionResults>;

/** Results asked for before the session is `COMPLETE`. */
export type ResultsNotReady = { readonly code: 'session_not_completed'; readonly sessionKey: SessionKey };

const between = (from: string, to: string): number => Math.max(0, secondsBetween(from, to));

/**
 * The results document without `event`, from the session object, its photos (as `GET …/photos` answers them, in
 * capture order) and the account's username. What `SESSION:COMPLETE` carries; see {@link toSessionResults}.
 */
export function toResultsBody(session: Session, photos: readonly SessionPhoto[], apiName: string): SessionResultsBody {
  const first = photos[0]?.created_at ?? null;
  const last = photos.at(-1)?.created_at ?? null;
  const ended = session.inspect_ended_at;
  return {
    session: {
      ...session,
      capture_duration: first === null || last === null ? null : between(first, last),
      inspect_duration: first === null || ended === null ? null : between(first, ended),
      source: { type: 'api', properties: { api_name: apiName } },
    },
    vehicle: session.vehicle,
    photos: [...photos],
  };
}

/** The results document of a `COMPLETE` session (contract section 4); refused in any other status. */
export function toSessionResults(
  session: Session,
  photos: readonly SessionPhoto[],
  apiName: string,
): Result<SessionResults, ResultsNotReady> {
  if (session.status !== 'COMPLETE') {
    return { ok: false, error: { code: 'session_not_completed', sessionKey: session.session_key } };
  }
  return { ok: true, value: { event: sessionCompleteEvent, ...toResultsBody(session, photos, apiName) } };
}
