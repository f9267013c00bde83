import type { CaptureState, PhotoCode } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { useConfirmCapture } from '../api/confirm-capture.js';
import { useCapturePreview } from '../hooks/capture-preview.js';
import { useErrorText, useText } from '../i18n/text-context.js';
import { ScreenHeading } from './screen-heading.js';
import { StepsList } from './steps-list.js';

/** Props of {@link SummaryScreen}. */
export type SummaryScreenProps = { state: CaptureState; onOpen: (code: PhotoCode) => void };

/**
 * Before submitting: every step, the rejected and skipped views named, and a confirmation. After: the session's
 * `redirect_url` when it has one, else the "sent" page (the state, now COMPLETE, shows it).
 */
export function SummaryScreen({ state, onOpen }: SummaryScreenProps) {
  const text = useText();
  const errorText = useErrorText();
  const confirm = useConfirmCapture(state.session_key);
  const preview = useCapturePreview();
  const named = (kind: 'rejected' | 'skipped') =>
    state.steps
      .filter((step) => step.state === kind)
      .map((step) => text.titles[step.photo_code])
      .join(', ');
  const rejected = named('rejected');
  const skipped = named('skipped');
  const submit = () =>
    confirm.mutate(undefined, {
      onSuccess: (done) => {
        if (done.redirect_url) window.location.assign(done.redirect_url);
      },
    });
  return (
    <section className="capture-screen capture-summary" aria-labelledby="capture-screen-title">
      <ScreenHeading>{text.summary.title}</ScreenHeading>
      <p>{text.summary.allIn}</p>
      {rejected ? <p className="capture-summary__note">{text.summary.rejected(rejected)}</p> : null}
      {skipped ? <p className="capture-summary__note">{text.summary.skipped(skipped)}</p> : null}
      <StepsList steps={state.steps} onOpen={onOpen} label={text.allSteps} />
      <p className="capture-summary__confirm">{text.summary.confirm}</p>
      {confirm.status === 'error' ? <ErrorMessage>{errorText(confirm.error)}</ErrorMessage> : null}
      <div className="action-bar">
        <button
          type="button"
          className="button button--primary"
          disabled={preview || confirm.status === 'pending'}
          onClick={submit}
        >
          {confirm.status === 'pending' ? text.summary.submitting : text.summary.submit}
        </button>
      </div>
    </section>
  );
}
