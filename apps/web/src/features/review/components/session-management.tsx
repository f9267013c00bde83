import type { Session } from '@pave/domain';
import { InvalidatePanel } from './invalidate-panel.js';
import { NotesPanel } from './notes-panel.js';
import { ResultsPanel } from './results-panel.js';
import { SessionSettingsForm } from './session-settings-form.js';
import './session-management.css';

/** What a reviewer does with a session besides reviewing photos: results, details, notes, invalidation. */
export function SessionManagement({ session }: { session: Session }) {
  return (
    <div className="session-management">
      <ResultsPanel session={session} />
      <SessionSettingsForm session={session} />
      <NotesPanel sessionKey={session.session_key} status={session.status} />
      <InvalidatePanel session={session} />
    </div>
  );
}
