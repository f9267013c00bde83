import { useState } from 'react';
import { NewSessionPanel } from '../../features/sessions/components/new-session-panel.js';
import { SessionsTable } from '../../features/sessions/components/sessions-table.js';
import { paths } from '../../config/paths.js';
import { Link } from '../../lib/router.js';

/** `/` once signed in: "new session" and the sessions list (its own chunk, loaded lazily). */
export function HomeRoute() {
  // a session deleted from the list is no longer offered by the panel that created it
  const [deletedKey, setDeletedKey] = useState<string | null>(null);
  return (
    <div className="home">
      <h1 className="visually-hidden">Sessions</h1>
      <p className="home__links">
        <Link to={paths.integrations()}>Integrations: callbacks, signing secret, delivery log</Link>
      </p>
      <NewSessionPanel deletedKey={deletedKey} />
      <SessionsTable onDeleted={setDeletedKey} />
    </div>
  );
}
