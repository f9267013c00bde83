import { isStepDone, isTerminalStatus, type Session, type SessionProgress } from '@pave/domain';
import { SessionStatusBadge } from '../../../components/session-status-badge.js';
import { formatTimestamp } from '../../../lib/format.js';
import type { LiveConnection } from '../../../lib/use-live-events.js';
import { liveRefetchMs } from '../api/live-refetch.js';

/** Props of {@link SessionHeader}. */
export type SessionHeaderProps = {
  progress: SessionProgress;
  session: Session | undefined;
  /** A refresh failed while showing earlier data. */
  refreshFailed: boolean;
  /** How updates arrive (the event stream, or polling). */
  connection: LiveConnection;
};

function doneCount(progress: SessionProgress): number {
  return progress.steps.filter((step) => isStepDone(step.photo_code, step.state)).length;
}

function LiveNote({ progress, refreshFailed, connection }: Omit<SessionHeaderProps, 'session'>) {
  if (isTerminalStatus(progress.status)) return <p className="session-header__live">Final: no more updates.</p>;
  if (refreshFailed)
    return (
      <p className="session-header__live session-header__live--warning">
        Updates paused: cannot reach the server. Retrying…
      </p>
    );
  if (connection === 'streaming') return <p className="session-header__live">Live: changes appear as they happen.</p>;
  if (connection === 'connecting') return <p className="session-header__live">Connecting to live updates…</p>;
  return <p className="session-header__live">Live: updates every {liveRefetchMs / 1000} seconds.</p>;
}

/** The session's status, capture completeness, liveness and capture link. */
export function SessionHeader({ progress, session, refreshFailed, connection }: SessionHeaderProps) {
  return (
    <div className="session-header">
      <h1>Session {progress.session_key}</h1>
      <dl className="session-header__facts">
        <div>
          <dt>Status</dt>
          <dd>
            <SessionStatusBadge status={progress.status} />
          </dd>
        </div>
        <div>
          <dt>Capture</dt>
          <dd>
            {progress.complete
              ? 'Complete'
              : `In progress: ${doneCount(progress)} of ${progress.steps.length} steps done`}
          </dd>
        </div>
        {progress.next_step ? (
          <div>
            <dt>Next step</dt>
            <dd>
              {progress.next_step.step}. {progress.next_step.photo_label}
            </dd>
          </div>
        ) : null}
        {session ? (
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={session.created_at}>{formatTimestamp(session.created_at)}</time>
            </dd>
          </div>
        ) : null}
        {session?.invalid_reason ? (
          <div>
            <dt>Invalidated</dt>
            <dd>{session.invalid_reason}</dd>
          </div>
        ) : null}
        {session && (session.vehicle.make ?? session.vehicle.vin) ? (
          <div>
            <dt>Vehicle</dt>
            <dd>
              {[session.vehicle.year, session.vehicle.make, session.vehicle.model, session.vehicle.vin]
                .filter((part) => part !== null)
                .join(' ')}
            </dd>
          </div>
        ) : null}
        {session ? (
          <div>
            <dt>Capture link</dt>
            <dd className="session-header__link">
              <a href={session.capture_url}>{session.capture_url}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      <LiveNote progress={progress} refreshFailed={refreshFailed} connection={connection} />
    </div>
  );
}
