import type { ProgressStep } from '@pave/domain';

/** The grid's filters, kept in `?filter=`. */
export const stepFilters = ['all', 'rejected', 'retaken'] as const;
export type StepFilter = (typeof stepFilters)[number];

/** Labels and explanations of the filters. */
export const stepFilterText = {
  all: { label: 'All', hint: 'every step' },
  rejected: { label: 'Rejected', hint: 'latest attempt rejected' },
  retaken: { label: 'Retaken', hint: 'more than one attempt' },
} as const satisfies Record<StepFilter, { label: string; hint: string }>;

/** Reads `?filter=`; anything unknown means `all`. */
export function parseStepFilter(value: string | null): StepFilter {
  return stepFilters.find((filter) => filter === value) ?? 'all';
}

/** Does a step belong in the filtered grid? */
export function matchesStepFilter(step: ProgressStep, filter: StepFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'rejected':
      return step.state === 'rejected';
    case 'retaken':
      return step.attempts.length > 1;
  }
}
