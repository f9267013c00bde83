import { attemptStateOf, isStepDone, type CaptureStepState } from '@pave/domain';
import { useStepUpload, type StepOutcome } from '../hooks/use-step-upload.js';
import { stepInstructions, stepTitles } from '../utils/step-instructions.js';
import { ManualEntrySection } from './manual-entry-section.js';
import { PhotoInput } from './photo-input.js';
import { SkipStepButton } from './skip-step-button.js';
import { StepFeedback } from './step-feedback.js';

/** Props of {@link CaptureStepView}. */
export type CaptureStepViewProps = {
  sessionKey: string;
  step: CaptureStepState;
  totalSteps: number;
  /** The driver acted on this step: keep showing it while the state refreshes. */
  onActivity: () => void;
  /** Go on to the next step still to do. */
  onContinue: () => void;
  onOverview: () => void;
};

// The attempt just sent decides until the refreshed state arrives; typed in or photographed counts the same here.
function isDone(step: CaptureStepState, outcome: StepOutcome | null): boolean {
  return isStepDone(step.photo_code, outcome ? attemptStateOf(outcome.photo, false) : step.state);
}

/** One capture step: instruction, camera button, QA verdict, retry/retake, manual entry and skip where allowed. */
export function CaptureStepView(props: CaptureStepViewProps) {
  const { sessionKey, step, totalSteps, onActivity, onContinue, onOverview } = props;
  const upload = useStepUpload(sessionKey, step.photo_code, onActivity);
  const done = isDone(step, upload.outcome);
  const titleId = `capture-step-${step.photo_code}`;
  return (
    <section className="capture-step" aria-labelledby={titleId}>
      <p className="capture-step__position">
        Step {step.step} of {totalSteps}
      </p>
      <h2 id={titleId}>{stepTitles[step.photo_code]}</h2>
      <p className="capture-step__instruction">{stepInstructions[step.photo_code]}</p>
      <StepFeedback step={step} upload={upload} />
      <div className="capture-step__actions">
        {done ? (
          <button type="button" className="button button--primary button--large" onClick={onContinue}>
            Continue
          </button>
        ) : null}
        <PhotoInput
          label={step.latest || upload.outcome ? 'Retake photo' : 'Take photo'}
          onFile={upload.send}
          disabled={upload.pending}
          primary={!done}
        />
        <ManualEntrySection
          sessionKey={sessionKey}
          step={step}
          onStart={onActivity}
          onSaved={(photo, acceptedText) => upload.setOutcome({ photo, acceptedText })}
        />
        <SkipStepButton sessionKey={sessionKey} step={step} onSkipped={onContinue} />
        <button type="button" className="button button--link" onClick={onOverview}>
          See all steps
        </button>
      </div>
    </section>
  );
}
