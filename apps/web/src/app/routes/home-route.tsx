import { SignInForm } from '../../features/auth/components/sign-in-form.js';
import { NewSessionPanel } from '../../features/sessions/components/new-session-panel.js';
import { SessionsTable } from '../../features/sessions/components/sessions-table.js';
import { useAuth } from '../../lib/clients.js';
import { ReviewLayout } from '../review-layout.js';

/** `/`: the sign-in form, or the sessions list with "new session" once signed in. */
export function HomeRoute() {
  const { client } = useAuth();
  return (
    <ReviewLayout>
      <title>PAVE sessions</title>
      {client ? (
        <div className="home">
          <h1 className="visually-hidden">Sessions</h1>
          <NewSessionPanel />
          <SessionsTable />
        </div>
      ) : (
        <SignInForm />
      )}
    </ReviewLayout>
  );
}
