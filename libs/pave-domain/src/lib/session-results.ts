import * as z from 'zod/mini';
import { SessionPhotos } from './session-photo.js';
import { Session } from './session.js';

// The results document (contract section 4) is what `GET …/results` answers and what `SESSION:COMPLETE` carries.
// It is defined here once; the results route and the callback both use it.

/** Who created the session: PAVE's `source`, always the API here, with the account's username. */
export const SessionSource = z.object({
  type: z.literal('api'),
  properties: z.object({ api_name: z.string() }),
});
export type SessionSource = z.infer<typeof SessionSource>;

/** The session part of the results document: the session object plus durations and source. */
export const ResultsSession = z.object({
  ...Session.shape,
  /** Seconds from the first attempt to the last one; null without attempts. */
  capture_duration: z.nullable(z.number().check(z.nonnegative())),
  /** Seconds from the first attempt to the confirmation; null before confirmation. */
  inspect_duration: z.nullable(z.number().check(z.nonnegative())),
  source: SessionSource,
});
export type ResultsSession = z.infer<typeof ResultsSession>;

/** The document of a `COMPLETE` session without its `event` field: session, vehicle and the photos array. */
export const SessionResultsBody = z.object({
  session: ResultsSession,
  /** The vehicle as given at creation; null when none was given. */
  vehicle: Session.shape.vehicle,
  photos: SessionPhotos,
});
export type SessionResultsBody = z.infer<typeof SessionResultsBody>;
