import { useRef, type ReactNode } from 'react';
import { SignOutButton } from '../features/auth/components/sign-out-button.js';
import { paths } from '../config/paths.js';
import { useAuth } from '../lib/clients.js';
import { Link, useFocusAfterNavigation } from '../lib/router.js';

/** Props of {@link ReviewLayout}. */
export type ReviewLayoutProps = { children: ReactNode };

function AccountMenu() {
  const { signedIn, can } = useAuth();
  if (!signedIn) return null;
  return (
    <div className="app-header__account">
      {can('administer') ? (
        <nav aria-label="Administration" className="app-header__nav">
          <Link to={paths.admin('people')}>People</Link>
          <Link to={paths.admin('api-keys')}>API keys</Link>
          <Link to={paths.admin('audit')}>Audit log</Link>
          <Link to={paths.integrations()}>Integrations</Link>
        </nav>
      ) : null}
      <span>
        Signed in as <strong>{signedIn.user.email}</strong> ({signedIn.user.role})
      </span>
      <SignOutButton />
    </div>
  );
}

/** The review dashboard's frame: skip link, banner with the person, admin links and sign-out, main landmark. */
export function ReviewLayout({ children }: ReviewLayoutProps) {
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
        <AccountMenu />
      </header>
      <main ref={main} id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
