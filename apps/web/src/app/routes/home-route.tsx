import { useState } from 'react';
import { NewSessionPanel } from '../../features/sessions/components/new-session-panel.js';
import { SessionsTable } from '../../features/sessions/components/sessions-table.js';
import { useCan } from '../../lib/clients.js';

/** `/` once signed in: "new session" and the sessions list (its own chunk, loaded lazily). */
export function HomeRoute() {
  // a session deleted from the list is no longer offered by the panel that created it
  const [deletedKey, setDeletedKey] = useState<string | null>(null);
  const canReview = useCan('review');
  return (
    <div className="home">
      <h1 className="visually-hidden">Sessions</h1>
      {canReview ? <NewSessionPanel deletedKey={deletedKey} /> : null}
      <SessionsTable onDeleted={setDeletedKey} />
    </div>
  );
}
