import type { StepState } from '@pave/domain';
import { Badge, type BadgeLook } from './badge.js';

/** How each step state shows: its words and its tone. */
export const stepStateLooks = {
  pending: { text: 'Pending', tone: 'neutral' },
  accepted: { text: 'Accepted', tone: 'success' },
  rejected: { text: 'Rejected', tone: 'danger' },
  skipped: { text: 'Skipped', tone: 'warning' },
  manual: { text: 'Entered manually', tone: 'info' },
} as const satisfies Record<StepState, BadgeLook>;

/** Props of {@link StepStateBadge}. */
export type StepStateBadgeProps = { state: StepState };

/** A capture step's state as a coloured badge. */
export function StepStateBadge({ state }: StepStateBadgeProps) {
  return <Badge look={stepStateLooks[state]} />;
}
