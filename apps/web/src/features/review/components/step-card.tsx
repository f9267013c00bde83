import { lazy, memo, Suspense } from 'react';
import {
  parseApprovedMessage,
  photoNameOf,
  type PhotoCode,
  type ProgressAttempt,
  type ProgressStep,
} from '@pave/domain';
import { StepStateBadge, stepStateText } from '../../../components/step-state-badge.js';
import { typedValueLabel } from '../utils/typed-value.js';

const FailedChecks = lazy(() => import('./failed-checks.js').then((module) => ({ default: module.FailedChecks })));

/** Props of {@link StepCard}. */
export type StepCardProps = {
  step: ProgressStep;
  selected: boolean;
  onSelect: (code: PhotoCode) => void;
};

function placeholderText(step: ProgressStep): string | null {
  if (step.state === 'pending' || step.state === 'skipped' || step.state === 'manual') return stepStateText[step.state];
  return null;
}

function Thumbnail({ step, latest }: { step: ProgressStep; latest: ProgressAttempt | undefined }) {
  const placeholder = placeholderText(step);
  const src = latest?.thumbnail_url ?? latest?.url ?? null;
  if (placeholder !== null || src === null) {
    return (
      <span className={`step-card__placeholder step-card__placeholder--${step.state}`} aria-hidden="true">
        {placeholder ?? 'No image'}
      </span>
    );
  }
  return <img className="step-card__thumbnail" src={src} alt="" loading="lazy" width={160} height={120} />;
}

function reasonOf(latest: ProgressAttempt | undefined): string | null {
  if (!latest) return null;
  const verdict = parseApprovedMessage(latest.approved_message);
  return verdict && !verdict.approved ? verdict.reason : null;
}

function attemptsText(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`;
}

/**
 * One capture step in the grid: latest thumbnail (or placeholder), state, rejection reason with the checks that
 * failed in plain words, typed value, attempt count.
 */
export const StepCard = memo(function StepCard({ step, selected, onSelect }: StepCardProps) {
  const latest = step.attempts.at(-1);
  const reason = step.state === 'rejected' ? reasonOf(latest) : null;
  return (
    <button
      type="button"
      className="card-button step-card"
      aria-pressed={selected}
      aria-controls={selected ? 'step-timeline' : undefined}
      onClick={() => onSelect(step.photo_code)}
    >
      <Thumbnail step={step} latest={latest} />
      <span className="step-card__title">
        {step.step}. {photoNameOf(step.photo_code)}
      </span>
      <StepStateBadge state={step.state} />
      {reason ? <span className="step-card__reason">Reason: {reason}</span> : null}
      {step.state === 'rejected' ? (
        <Suspense fallback={null}>
          <FailedChecks latest={latest} />
        </Suspense>
      ) : null}
      {latest?.typed_value != null ? (
        <span className="step-card__typed">
          {typedValueLabel(step.photo_code)}: {latest.typed_value}
        </span>
      ) : null}
      <span className="step-card__attempts">{attemptsText(step.attempts.length)}</span>
    </button>
  );
});
