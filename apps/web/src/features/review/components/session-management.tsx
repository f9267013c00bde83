import { isTerminalStatus, type Session } from '@pave/domain';
import { useCan } from '../../../lib/clients.js';
import { FinishedSessionEvents } from './finished-session-events.js';
import { InvalidatePanel } from './invalidate-panel.js';
import { NotesPanel } from './notes-panel.js';
import { ResultsPanel } from './results-panel.js';
import { SessionSettingsForm } from './session-settings-form.js';
import './session-management.css';

/**
 * What a reviewer does with a session besides reviewing photos: results, details, notes, invalidation. A viewer
 * (read only) sees the results, the notes and an invalidation's reason, and none of the forms. All of it stays live
 * once the session is finished too (see {@link FinishedSessionEvents}).
 */
export function SessionManagement({ session }: { session: Session }) {
  const canReview = useCan('review');
  return (
    <div className="session-management">
      {isTerminalStatus(session.status) ? <FinishedSessionEvents sessionKey={session.session_key} /> : null}
      <ResultsPanel session={session} />
      {canReview ? <SessionSettingsForm session={session} /> : null}
      <NotesPanel sessionKey={session.session_key} status={session.status} canAdd={canReview} />
      {canReview || session.status === 'INVALID' ? <InvalidatePanel session={session} /> : null}
    </div>
  );
}
