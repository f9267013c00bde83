import type { PhotoCode, ProgressStep } from '@pave/domain';
import { StepCard } from './step-card.js';

/** Props of {@link StepGrid}. */
export type StepGridProps = {
  /** The steps to show, in capture order. */
  steps: readonly ProgressStep[];
  selectedCode: PhotoCode | null;
  /** Must be stable (module-level or memoised) so unchanged cards skip re-rendering. */
  onSelect: (code: PhotoCode) => void;
};

/** The capture steps as a grid of cards, keyed by photo code so refreshes update cards in place. */
export function StepGrid({ steps, selectedCode, onSelect }: StepGridProps) {
  if (steps.length === 0) return <p className="step-grid__empty">No steps match this filter.</p>;
  return (
    <ol className="step-grid" aria-label="Capture steps">
      {steps.map((step) => (
        <li key={step.photo_code}>
          <StepCard step={step} selected={step.photo_code === selectedCode} onSelect={onSelect} />
        </li>
      ))}
    </ol>
  );
}
