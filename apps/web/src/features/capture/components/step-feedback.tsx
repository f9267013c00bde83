import type { CaptureStepState } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import type { StepUpload } from '../hooks/use-step-upload.js';
import { EarlierAttempt } from './earlier-attempt.js';
import { UploadVerdict } from './upload-verdict.js';

/** Props of {@link StepFeedback}. */
export type StepFeedbackProps = { step: CaptureStepState; upload: StepUpload };

/** What the driver needs to know now: sending, a failure with "Retry upload", the verdict, or the earlier state. */
export function StepFeedback({ step, upload }: StepFeedbackProps) {
  if (upload.pending) return <p role="status">Sending and checking the photo…</p>;
  if (upload.failure) {
    return (
      <ErrorMessage title="The photo was not sent." onRetry={upload.retry ?? undefined} retryLabel="Retry upload">
        {upload.failure.message}
      </ErrorMessage>
    );
  }
  if (upload.outcome) return <UploadVerdict photo={upload.outcome.photo} acceptedText={upload.outcome.acceptedText} />;
  return <EarlierAttempt step={step} />;
}
