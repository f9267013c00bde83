import { paths } from '../../config/paths.js';
import { AcceptInviteForm } from '../../features/auth/components/accept-invite-form.js';
import { navigate } from '../../lib/router.js';
import { ReviewLayout } from '../review-layout.js';

/** `/welcome#<token>`: a one-time link (an invite or a password reset); the token never leaves the fragment. */
export function WelcomeRoute() {
  const token = window.location.hash.slice(1);
  return (
    <ReviewLayout>
      <title>Welcome · PAVE sessions</title>
      {token === '' ? (
        <p>This page needs the whole link an admin gave you, including the part after #.</p>
      ) : (
        <AcceptInviteForm token={token} onDone={() => navigate(paths.home(), { replace: true })} />
      )}
    </ReviewLayout>
  );
}
