import type { CaptureStepState } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useSkipStep } from '../api/skip-step.js';

/** Props of {@link SkipStepButton}. */
export type SkipStepButtonProps = { sessionKey: string; step: CaptureStepState; onSkipped: () => void };

/** Skips an exterior view, shown only where the server says the rules allow it (`may_skip`). */
export function SkipStepButton({ sessionKey, step, onSkipped }: SkipStepButtonProps) {
  const skip = useSkipStep(sessionKey);
  if (!step.may_skip) return null;
  return (
    <>
      <button
        type="button"
        className="button button--large"
        disabled={skip.status === 'pending'}
        onClick={() => skip.mutate(step.photo_code, { onSuccess: onSkipped })}
      >
        {skip.status === 'pending' ? 'Skipping…' : 'Skip this view'}
      </button>
      {skip.status === 'error' ? <ErrorMessage>{summarizeError(skip.error).message}</ErrorMessage> : null}
    </>
  );
}
