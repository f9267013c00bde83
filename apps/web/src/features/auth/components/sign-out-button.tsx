import { useAuth } from '../../../lib/clients.js';
import { navigate } from '../../../lib/router.js';
import { paths } from '../../../config/paths.js';

/** Forgets the credentials and the cached answers, then goes to the sign-in page. */
export function SignOutButton() {
  const { signOut, username } = useAuth();
  if (!username) return null;
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        signOut();
        navigate(paths.home());
      }}
    >
      Sign out
    </button>
  );
}
