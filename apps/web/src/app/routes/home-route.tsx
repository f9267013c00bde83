import { NewSessionPanel } from '../../features/sessions/components/new-session-panel.js';
import { SessionsTable } from '../../features/sessions/components/sessions-table.js';

/** `/` once signed in: "new session" and the sessions list (its own chunk, loaded lazily). */
export function HomeRoute() {
  return (
    <div className="home">
      <h1 className="visually-hidden">Sessions</h1>
      <NewSessionPanel />
      <SessionsTable />
    </div>
  );
}
