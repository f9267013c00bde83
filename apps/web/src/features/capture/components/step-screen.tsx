import { isExteriorCode, type CaptureState, type CaptureStepState } from '@pave/domain';
import type { Camera } from '../hooks/use-camera.js';
import { useStepUpload } from '../hooks/use-step-upload.js';
import { useText } from '../i18n/text-context.js';
import { ManualEntry } from './manual-entry.js';
import { ScreenHeading } from './screen-heading.js';
import { ShotArea } from './shot-area.js';
import { SkipStepButton } from './skip-step-button.js';
import { StepGuide } from './step-guide.js';
import { UploadVerdict } from './upload-verdict.js';

/** Props of {@link StepScreen}. */
export type StepScreenProps = {
  state: CaptureState;
  step: CaptureStepState;
  camera: Camera;
  onNext: () => void;
  onBack: (() => void) | null;
};

/** Where the step stood before this visit (rejected earlier: the reason; accepted or skipped: a word). */
function EarlierAttempt({ step }: { step: CaptureStepState }) {
  const text = useText();
  if (!step.latest || step.state === 'manual') return null;
  if (step.state === 'rejected') return <UploadVerdict photo={step.latest} />;
  if (step.state === 'accepted' || step.state === 'skipped') {
    return <p className="capture-step__earlier">{text.earlier[step.state]}</p>;
  }
  return null;
}

/** One capture step: instruction, framing example, camera or file input, verdict, typed value, skip, actions. */
export function StepScreen({ state, step, camera, onNext, onBack }: StepScreenProps) {
  const text = useText();
  const exterior = isExteriorCode(step.photo_code);
  const upload = useStepUpload(state.session_key, step.photo_code, exterior);
  const title = text.titles[step.photo_code];
  const shot = upload.phase !== 'idle';
  return (
    <section className="capture-screen capture-step" aria-labelledby="capture-screen-title">
      <p className="capture-step__position">{text.stepPosition(step.step, state.steps.length)}</p>
      <ScreenHeading>{title}</ScreenHeading>
      <div className="capture-step__brief">
        <figure className="capture-step__example">
          <StepGuide photoCode={step.photo_code} className="capture-step__guide" />
          <figcaption>{text.example}</figcaption>
        </figure>
        <p className="capture-step__instruction">{text.instructions[step.photo_code]}</p>
      </div>
      {exterior ? <p className="landscape-hint">{text.landscapeHint}</p> : null}
      {shot ? null : <EarlierAttempt step={step} />}
      <ShotArea step={step} title={title} camera={camera} upload={upload} />
      <ManualEntry state={state} step={step} />
      <SkipStepButton state={state} step={step} onSkipped={onNext} />
      <div className="action-bar">
        {onBack ? (
          <button type="button" className="button" onClick={onBack}>
            {text.back}
          </button>
        ) : null}
        {shot ? (
          <button type="button" className="button" onClick={upload.retake} disabled={upload.phase === 'sending'}>
            {text.retake}
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={onNext}>
          {text.next}
        </button>
      </div>
    </section>
  );
}
