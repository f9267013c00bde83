import type { CaptureStepState, StepState } from '@pave/domain';
import { UploadVerdict } from './upload-verdict.js';

const earlierText = {
  pending: null,
  accepted: 'A photo of this step was accepted. You can retake it or continue.',
  manual: 'This value was typed in. You can take a photo instead or continue.',
  skipped: 'This view was skipped. You can still take a photo.',
  rejected: null,
} as const satisfies Record<StepState, string | null>;

/** Props of {@link EarlierAttempt}. */
export type EarlierAttemptProps = { step: CaptureStepState };

/** Where a step stands when the driver comes back to it (e.g. rejected earlier: the reason and a retake). */
export function EarlierAttempt({ step }: EarlierAttemptProps) {
  if (!step.latest) return null;
  const text = earlierText[step.state];
  if (text) return <p className="capture-step__earlier">{text}</p>;
  return <UploadVerdict photo={step.latest} acceptedText="Accepted." />;
}
