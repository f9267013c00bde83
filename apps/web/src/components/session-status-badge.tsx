import type { SessionStatus } from '@pave/domain';
import { Badge, type BadgeLook } from './badge.js';

const statusLooks = {
  IDLE: { text: 'Created', tone: 'neutral' },
  STARTED: { text: 'Link opened', tone: 'info' },
  PROCESS: { text: 'Capturing', tone: 'info' },
  QC_PASSED: { text: 'Capture complete', tone: 'success' },
  CONFIRM: { text: 'Confirmed', tone: 'success' },
  COMPLETE: { text: 'Complete', tone: 'success' },
  EXPIRED: { text: 'Expired', tone: 'warning' },
  INVALID: { text: 'Invalid', tone: 'danger' },
} as const satisfies Record<SessionStatus, BadgeLook>;

/** Props of {@link SessionStatusBadge}. */
export type SessionStatusBadgeProps = { status: SessionStatus };

/** A session's status as a coloured badge: readable text first, the wire value beside it. */
export function SessionStatusBadge({ status }: SessionStatusBadgeProps) {
  return (
    <Badge look={statusLooks[status]} title={status}>
      {' '}
      <span className="badge__code">({status})</span>
    </Badge>
  );
}
