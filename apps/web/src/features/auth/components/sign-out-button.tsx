import { useAuth } from '../../../lib/clients.js';
import { navigate } from '../../../lib/router.js';
import { paths } from '../../../config/paths.js';

/** Ends this browser's session and forgets the cached answers, then goes to the sign-in page. */
export function SignOutButton() {
  const { signOut, signedIn } = useAuth();
  if (!signedIn) return null;
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        void signOut().then(() => navigate(paths.home()));
      }}
    >
      Sign out
    </button>
  );
}
