import { useRef, type ReactNode } from 'react';
import { SignOutButton } from '../features/auth/components/sign-out-button.js';
import { paths } from '../config/paths.js';
import { useAuth } from '../lib/clients.js';
import { Link, useFocusAfterNavigation } from '../lib/router.js';

/** Props of {@link ReviewLayout}. */
export type ReviewLayoutProps = { children: ReactNode };

/** The review dashboard's frame: skip link, banner with the account and sign-out, main landmark. */
export function ReviewLayout({ children }: ReviewLayoutProps) {
  const { username } = useAuth();
  const main = useRef<HTMLElement>(null);
  useFocusAfterNavigation(main);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <Link to={paths.home()} className="app-header__brand">
          PAVE sessions
        </Link>
        {username ? (
          <div className="app-header__account">
            <span>
              Signed in as <strong>{username}</strong>
            </span>
            <SignOutButton />
          </div>
        ) : null}
      </header>
      <main ref={main} id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
