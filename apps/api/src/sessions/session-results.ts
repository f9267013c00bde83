import { toResultsBody, type SessionResultsBody } from '@pave/domain';
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

/**
 * The results document of a session becoming `COMPLETE` at `completedAt` (contract section 4), without its `event`
 * field: the domain's `toResultsBody` over the session as it is once complete (`inspect_ended_at` = `completedAt`).
 */
export function toSessionResults(input: ResultsInput): SessionResultsBody {
  const { session, attempts, publicBaseUrl } = input;
  const complete: SessionRow = {
    ...session,
    status: 'COMPLETE',
    inspectStartedAt: session.inspectStartedAt ?? input.completedAt,
    inspectEndedAt: session.inspectEndedAt ?? input.completedAt,
  };
  const photos = attempts.map((row) => toSessionPhoto(row, publicBaseUrl));
  return toResultsBody(toSession(complete, publicBaseUrl, input.secretBox), photos, input.username);
}
