import type { SessionStatus } from '@pave/domain';
import { Badge, type BadgeTone } from './badge.js';

const statusText = {
  IDLE: 'Created',
  STARTED: 'Link opened',
  PROCESS: 'Capturing',
  QC_PASSED: 'Capture complete',
  CONFIRM: 'Confirmed',
  COMPLETE: 'Complete',
  EXPIRED: 'Expired',
  INVALID: 'Invalid',
} as const satisfies Record<SessionStatus, string>;

const statusTone = {
  IDLE: 'neutral',
  STARTED: 'info',
  PROCESS: 'info',
  QC_PASSED: 'success',
  CONFIRM: 'success',
  COMPLETE: 'success',
  EXPIRED: 'warning',
  INVALID: 'danger',
} as const satisfies Record<SessionStatus, BadgeTone>;

/** Props of {@link SessionStatusBadge}. */
export type SessionStatusBadgeProps = { status: SessionStatus };

/** A session's status as a coloured badge: readable text first, the wire value beside it. */
export function SessionStatusBadge({ status }: SessionStatusBadgeProps) {
  return (
    <Badge tone={statusTone[status]} title={status}>
      {statusText[status]} <span className="badge__code">({status})</span>
    </Badge>
  );
}
