import type { StepState } from '@pave/domain';
import { Badge, type BadgeTone } from './badge.js';

/** The words for each step state. */
export const stepStateText = {
  pending: 'Pending',
  accepted: 'Accepted',
  rejected: 'Rejected',
  skipped: 'Skipped',
  manual: 'Entered manually',
} as const satisfies Record<StepState, string>;

const stepStateTone = {
  pending: 'neutral',
  accepted: 'success',
  rejected: 'danger',
  skipped: 'warning',
  manual: 'info',
} as const satisfies Record<StepState, BadgeTone>;

/** Props of {@link StepStateBadge}. */
export type StepStateBadgeProps = { state: StepState };

/** A capture step's state as a coloured badge. */
export function StepStateBadge({ state }: StepStateBadgeProps) {
  return <Badge tone={stepStateTone[state]}>{stepStateText[state]}</Badge>;
}
