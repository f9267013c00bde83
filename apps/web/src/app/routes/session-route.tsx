import { SignInForm } from '../../features/auth/components/sign-in-form.js';
import { SessionReview } from '../../features/review/components/session-review.js';
import { useAuth } from '../../lib/clients.js';
import { ReviewLayout } from '../review-layout.js';

/** Props of {@link SessionRoute}. */
export type SessionRouteProps = { sessionKey: string };

/** `/sessions/:key`: one session's live review (sign-in first when needed, staying on this URL). */
export function SessionRoute({ sessionKey }: SessionRouteProps) {
  const { client } = useAuth();
  return (
    <ReviewLayout>
      <title>{`Session ${sessionKey} · PAVE sessions`}</title>
      {client ? <SessionReview key={sessionKey} sessionKey={sessionKey} /> : <SignInForm />}
    </ReviewLayout>
  );
}
