import { isTerminalStatus, type CaptureState } from '@pave/domain';
import { useText } from '../i18n/text-context.js';
import { ScreenHeading } from './screen-heading.js';

/** Props of {@link ClosedSessionMessage}. */
export type ClosedSessionMessageProps = { state: CaptureState };

/**
 * What the capture app shows instead of the steps once the server no longer accepts photos (`accepting` is false):
 * the "sent" page of a completed session (with a way on to `redirect_url` when set), why for an expired or cancelled
 * one (with the reviewer's reason for a cancelled one), a general word for any other status.
 */
export function ClosedSessionMessage({ state }: ClosedSessionMessageProps) {
  const text = useText();
  const words = isTerminalStatus(state.status) ? text.closed[state.status] : text.notAccepting;
  const onward = state.status === 'COMPLETE' ? state.redirect_url : null;
  return (
    <section className="capture-screen capture-closed" aria-labelledby="capture-screen-title">
      <ScreenHeading>{words.title}</ScreenHeading>
      {state.status === 'INVALID' && state.invalid_reason ? (
        <p className="capture-closed-reason">
          {text.invalidReason} <q>{state.invalid_reason}</q>
        </p>
      ) : null}
      <p>{words.body}</p>
      {onward ? (
        <a className="button button--primary button--large" href={onward}>
          {text.continueLink}
        </a>
      ) : null}
    </section>
  );
}
