import { isStepDone, isTerminalStatus, photoNameOf, type Session, type SessionProgress } from '@pave/domain';
import { SessionStatusBadge } from '../../../components/session-status-badge.js';
import { LocalTime } from '../../../components/local-time.js';
import { PhoneReachWarning } from '../../../components/phone-reach-warning.js';
import { useNow } from '../../../lib/use-now.js';
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

/** "2021 Honda Accord · VIN 1HGC…", odometer with its unit; empty when nothing is known. */
function vehicleText({ vehicle }: Session): string {
  const named = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter((part) => part !== null).join(' ');
  const vin = vehicle.vin === null ? '' : `VIN ${vehicle.vin}`;
  const unit = { KILOMETRES: ' km', MILES: ' mi' }[vehicle.odom_unit ?? 'KILOMETRES'];
  const odometer = vehicle.odom_reading === null ? '' : `${vehicle.odom_reading}${vehicle.odom_unit ? unit : ''}`;
  return [named, vin, odometer].filter((part) => part !== '').join(' · ');
}

/** The integrator's id and references: "claim-9 · po=PO-77". */
function clientReferenceText(session: Session): string {
  const references = Object.entries(session.reference ?? {}).map(([name, value]) => `${name}=${value}`);
  return [session.options.client_id, ...references].filter((part) => part !== null).join(' · ');
}

const units = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
] as const;

/** "expires in 6 d" (or h, min) while open; "expired on <local time>" once past. */
function Expiry({ session }: { session: Session }) {
  const left = Date.parse(session.expires_at) - useNow();
  if (session.status === 'EXPIRED' || left <= 0) {
    return (
      <>
        expired on <LocalTime wire={session.expires_at} />
      </>
    );
  }
  const [size, unit] = units.find(([ms]) => left >= ms) ?? units[2];
  return (
    <span title={`on ${new Date(session.expires_at).toLocaleString()}`}>
      expires in {Math.max(1, Math.floor(left / size))} {unit}
    </span>
  );
}

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
              {progress.next_step.step}. {photoNameOf(progress.next_step.photo_code)}
            </dd>
          </div>
        ) : null}
        {session ? (
          <div>
            <dt>Created</dt>
            <dd>
              <LocalTime wire={session.created_at} />
            </dd>
          </div>
        ) : null}
        {session?.inspect_ended_at ? (
          <div>
            <dt>Completed</dt>
            <dd>
              <LocalTime wire={session.inspect_ended_at} />
            </dd>
          </div>
        ) : null}
        {session && session.status !== 'COMPLETE' && session.status !== 'INVALID' ? (
          <div>
            <dt>Expiry</dt>
            <dd>
              <Expiry session={session} />
            </dd>
          </div>
        ) : null}
        {session?.invalid_reason ? (
          <div>
            <dt>Invalidated</dt>
            <dd>{session.invalid_reason}</dd>
          </div>
        ) : null}
        {session && vehicleText(session) ? (
          <div>
            <dt>Vehicle</dt>
            <dd>{vehicleText(session)}</dd>
          </div>
        ) : null}
        {session && clientReferenceText(session) ? (
          <div>
            <dt>Client reference</dt>
            <dd>{clientReferenceText(session)}</dd>
          </div>
        ) : null}
        {session?.contact ? (
          <div>
            <dt>Contact</dt>
            <dd>{[session.contact.first_name, session.contact.last_name].filter(Boolean).join(' ') || '—'}</dd>
          </div>
        ) : null}
        {session ? (
          <div>
            <dt>Capture link</dt>
            <dd className="session-header__link">
              <a href={session.capture_url}>{session.capture_url}</a>
              {/* a viewer's link has no token (#…): there is nothing to preview with */}
              {session.capture_url.includes('#') ? (
                <a href={`${session.capture_url}&preview`} className="button">
                  Preview as the driver
                </a>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {session && !isTerminalStatus(session.status) ? <PhoneReachWarning captureUrl={session.capture_url} /> : null}
      <LiveNote progress={progress} refreshFailed={refreshFailed} connection={connection} />
    </div>
  );
}
