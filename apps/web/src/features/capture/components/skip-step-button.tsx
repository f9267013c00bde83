import { checkSkip, isExteriorCode, type CaptureState, type CaptureStepState, type PhotoCode } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { useSkipStep } from '../api/skip-step.js';
import { useCapturePreview } from '../hooks/capture-preview.js';
import { useErrorText, useText } from '../i18n/text-context.js';

/** Props of {@link SkipStepButton}. */
export type SkipStepButtonProps = { state: CaptureState; step: CaptureStepState; onSkipped: () => void };

/** The codes whose latest attempt is accepted, photographed or typed in: what the domain's skip rule reads. */
function acceptedCodes(state: CaptureState): Set<PhotoCode> {
  return new Set(state.steps.filter((s) => s.state === 'accepted' || s.state === 'manual').map((s) => s.photo_code));
}

/**
 * On an exterior view not yet accepted: the skip rule said plainly, and "Skip this view" where the server says it is
 * allowed (`may_skip`); while it is not, which photos are still missing (the domain's `checkSkip` names them).
 */
export function SkipStepButton({ state, step, onSkipped }: SkipStepButtonProps) {
  const text = useText();
  const errorText = useErrorText();
  const skip = useSkipStep(state.session_key);
  const preview = useCapturePreview();
  if (!isExteriorCode(step.photo_code) || step.state === 'accepted' || step.state === 'skipped') return null;
  const rule = checkSkip(step.photo_code, acceptedCodes(state));
  const missing =
    !rule.ok && rule.error.code === 'needed_images_missing'
      ? rule.error.missing.map((code) => text.titles[code]).join(', ')
      : null;
  return (
    <div className="skip">
      <p className="hint">{missing ? `${text.skip.rule} ${text.skip.notYet(missing)}` : text.skip.rule}</p>
      {step.may_skip ? (
        <button
          type="button"
          className="button button--large"
          disabled={preview || skip.status === 'pending'}
          onClick={() => skip.mutate(step.photo_code, { onSuccess: onSkipped })}
        >
          {skip.status === 'pending' ? text.skip.skipping : text.skip.action}
        </button>
      ) : null}
      {skip.status === 'error' ? <ErrorMessage>{errorText(skip.error)}</ErrorMessage> : null}
    </div>
  );
}
