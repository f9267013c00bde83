import type { CaptureStepState, PhotoCode } from '@pave/domain';
import { Badge, type BadgeTone } from '../../../components/badge.js';
import { useText } from '../i18n/text-context.js';

const tones = {
  pending: 'neutral',
  accepted: 'success',
  rejected: 'danger',
  skipped: 'warning',
  manual: 'info',
} as const satisfies Record<CaptureStepState['state'], BadgeTone>;

/** Props of {@link StepsList}. */
export type StepsListProps = { steps: readonly CaptureStepState[]; onOpen: (code: PhotoCode) => void; label: string };

/** Steps as buttons, each with its latest photo's thumbnail and state; opening one goes to that step. */
export function StepsList({ steps, onOpen, label }: StepsListProps) {
  const text = useText();
  return (
    <ol className="steps-list" aria-label={label}>
      {steps.map((step) => (
        <li key={step.photo_code}>
          <button type="button" className="card-button steps-list__step" onClick={() => onOpen(step.photo_code)}>
            {step.thumbnail_url ? (
              <img className="steps-list__thumb" src={step.thumbnail_url} alt="" width="64" height="48" />
            ) : (
              <span className="steps-list__thumb" aria-hidden="true" />
            )}
            <span className="steps-list__title">
              {step.step}. {text.titles[step.photo_code]}
            </span>
            <Badge tone={tones[step.state]}>{text.states[step.state]}</Badge>
          </button>
        </li>
      ))}
    </ol>
  );
}
