import { memo } from 'react';
import {
  attemptStateOf,
  parseApprovedMessage,
  photoNameOf,
  type ProgressAttempt,
  type ProgressStep,
  type StepState,
} from '@pave/domain';
import { StepStateBadge } from '../../../components/step-state-badge.js';
import { LocalTime } from '../../../components/local-time.js';
import { formatSeconds } from '../../../lib/format.js';
import { attemptKey } from '../utils/lightbox-items.js';
import { typedValueName } from '../utils/typed-value.js';
import { QaMeasuresView } from './qa-checks.js';

/** Props of {@link AttemptTimeline}. */
export type AttemptTimelineProps = {
  step: ProgressStep;
  /** Opens the lightbox at an attempt (by its {@link attemptKey}). */
  onOpenPhoto: (key: string) => void;
  onClose: () => void;
};

// An attempt with a typed value was typed in; so was the latest one of a step whose state says so.
function attemptState(step: ProgressStep, attempt: ProgressAttempt, latest: boolean): StepState {
  return attemptStateOf(attempt, attempt.typed_value !== null || (latest && step.state === 'manual'));
}

type AttemptItemProps = {
  step: ProgressStep;
  attempt: ProgressAttempt;
  index: number;
  onOpenPhoto: (key: string) => void;
};

// an attempt never changes once recorded (a refresh keeps its object when equal): unchanged items skip re-rendering
const AttemptItem = memo(function AttemptItem({ step, attempt, index, onOpenPhoto }: AttemptItemProps) {
  const verdict = parseApprovedMessage(attempt.approved_message);
  const latest = index === step.attempts.length - 1;
  const state = attemptState(step, attempt, latest);
  const label = `attempt ${index + 1} of ${photoNameOf(step.photo_code)}`;
  return (
    <li className="timeline__item">
      {attempt.url ? (
        <button type="button" className="timeline__photo" onClick={() => onOpenPhoto(attemptKey(attempt, index))}>
          <img src={attempt.thumbnail_url ?? attempt.url} alt="" width={120} height={90} loading="lazy" />
          <span className="visually-hidden">View {label} full size</span>
        </button>
      ) : (
        <span className="timeline__no-photo">No image</span>
      )}
      <div className="timeline__details">
        <h3 className="timeline__title">
          Attempt {index + 1} <StepStateBadge state={state} />
          {latest ? null : <span className="timeline__superseded"> superseded by a retake</span>}
        </h3>
        {attempt.typed_value !== null ? (
          <p className="timeline__typed">
            Typed {typedValueName(step.photo_code)}: <strong>{attempt.typed_value}</strong>
          </p>
        ) : null}
        {verdict && !verdict.approved ? (
          <p>
            Reason: {verdict.reason}
            {attempt.reason_code ? ` (${attempt.reason_code})` : ''}
          </p>
        ) : null}
        <p>
          Captured at <LocalTime wire={attempt.created_at} seconds /> · QA time{' '}
          {formatSeconds(attempt.processing_seconds)}
        </p>
        <QaMeasuresView measures={attempt.qa_measures} photoCode={step.photo_code} />
      </div>
    </li>
  );
});

/** A step's attempts, oldest first: thumbnail, verdict, reason and measures, capture time, QA time. */
export function AttemptTimeline({ step, onOpenPhoto, onClose }: AttemptTimelineProps) {
  return (
    <section id="step-timeline" className="timeline" aria-labelledby="step-timeline-title">
      <div className="timeline__bar">
        <h2 id="step-timeline-title">
          Step {step.step}: {photoNameOf(step.photo_code)}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close timeline
        </button>
      </div>
      {step.attempts.length === 0 ? (
        <p>No attempts yet.</p>
      ) : (
        <ol className="timeline__list" aria-label={`Attempts of ${photoNameOf(step.photo_code)}`}>
          {step.attempts.map((attempt, index) => (
            <AttemptItem
              key={attemptKey(attempt, index)}
              step={step}
              attempt={attempt}
              index={index}
              onOpenPhoto={onOpenPhoto}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
