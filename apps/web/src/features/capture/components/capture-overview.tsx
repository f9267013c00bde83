import { transitionStatus, type CaptureState, type PhotoCode } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { StepStateBadge } from '../../../components/step-state-badge.js';
import { summarizeError } from '../../../lib/errors.js';
import { useConfirmCapture } from '../api/confirm-capture.js';
import { stepTitles } from '../utils/step-instructions.js';

/** Props of {@link CaptureOverview}. */
export type CaptureOverviewProps = {
  state: CaptureState;
  onOpenStep: (code: PhotoCode) => void;
};

function ConfirmButton({ sessionKey }: { sessionKey: string }) {
  const confirm = useConfirmCapture(sessionKey);
  return (
    <>
      <button
        type="button"
        className="button button--primary button--large"
        disabled={confirm.status === 'pending'}
        onClick={() => confirm.mutate()}
      >
        {confirm.status === 'pending' ? 'Submitting…' : 'Submit inspection'}
      </button>
      {confirm.status === 'error' ? <ErrorMessage>{summarizeError(confirm.error).message}</ErrorMessage> : null}
    </>
  );
}

/** Every step with its state; any step can be opened again; submitted here once it may be confirmed (QC_PASSED). */
export function CaptureOverview({ state, onOpenStep }: CaptureOverviewProps) {
  const ready = transitionStatus(state.status, 'confirm').ok;
  return (
    <section className="capture-overview" aria-labelledby="capture-overview-title">
      <h2 id="capture-overview-title">{state.complete ? 'All photos are in' : 'Your progress'}</h2>
      <p>
        {ready
          ? 'Check the list, then submit the inspection.'
          : 'Some steps still need a photo. Open a step to continue.'}
      </p>
      <ol className="capture-overview__list">
        {state.steps.map((step) => (
          <li key={step.photo_code}>
            <button
              type="button"
              className="card-button capture-overview__step"
              onClick={() => onOpenStep(step.photo_code)}
            >
              <span>
                {step.step}. {stepTitles[step.photo_code]}
              </span>
              <StepStateBadge state={step.state} />
            </button>
          </li>
        ))}
      </ol>
      {ready ? <ConfirmButton sessionKey={state.session_key} /> : null}
    </section>
  );
}
