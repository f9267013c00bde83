import type { SessionResultsBody } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AttemptRow, SessionRow } from '../storage/repository.js';
import { toSession, toSessionPhoto } from './session-wire.js';

/** What the results document is made of: the session as it is once `COMPLETE`, its attempts, who created it. */
export type ResultsInput = {
  readonly session: SessionRow;
  readonly attempts: readonly AttemptRow[];
  readonly username: string;
  /** When the session was confirmed (became `COMPLETE`). */
  readonly completedAt: number;
  readonly publicBaseUrl: string;
  /** Opens the session's sealed capture token (its `capture_url`). */
  readonly secretBox: SecretBox;
};

function seconds(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round((toMs - fromMs) / 1000));
}

/** The results document of a `COMPLETE` session (contract section 4), without its `event` field. */
export function toSessionResults(input: ResultsInput): SessionResultsBody {
  const { session, attempts, publicBaseUrl } = input;
  const first = attempts[0]?.createdAt ?? null;
  const last = attempts.at(-1)?.createdAt ?? null;
  return {
    session: {
      ...toSession(session, publicBaseUrl, input.secretBox),
      capture_duration: first === null || last === null ? null : seconds(first, last),
      inspect_duration: first === null ? null : seconds(first, input.completedAt),
      source: { type: 'api', properties: { api_name: input.username } },
    },
    vehicle: session.vehicle,
    photos: attempts.map((row) => toSessionPhoto(row, publicBaseUrl)),
  };
}
