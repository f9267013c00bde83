import { SessionReview } from '../../features/review/components/session-review.js';

/** Props of {@link SessionRoute}. */
export type SessionRouteProps = { sessionKey: string };

/** `/sessions/:key` once signed in: one session's live review (its own chunk, loaded lazily). */
export function SessionRoute({ sessionKey }: SessionRouteProps) {
  return <SessionReview key={sessionKey} sessionKey={sessionKey} />;
}
