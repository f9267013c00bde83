import { isTerminalStatus, type SessionStatus, type TerminalStatus } from '@pave/domain';

type ClosedText = { readonly title: string; readonly body: string };

const closedText = {
  COMPLETE: {
    title: 'Inspection complete',
    body: 'Thank you! The photos have been submitted. You can close this page.',
  },
  EXPIRED: { title: 'This link has expired', body: 'The inspection was not finished in time. Ask for a new link.' },
  INVALID: { title: 'This inspection was cancelled', body: 'Ask for a new link if you still need to send photos.' },
} as const satisfies Record<TerminalStatus, ClosedText>;

const notAcceptingText: ClosedText = {
  title: 'Photos cannot be sent now',
  body: 'This inspection is not accepting photos. Ask for a new link.',
};

/** Props of {@link ClosedSessionMessage}. */
export type ClosedSessionMessageProps = {
  status: SessionStatus;
  /** Why an `INVALID` session was invalidated, as the reviewer wrote it (null otherwise). */
  invalidReason: string | null;
};

/**
 * What the capture app shows instead of the steps once the server no longer accepts photos (`accepting` is false):
 * why, for a completed, expired or cancelled session (with the reviewer's reason for a cancelled one); a general
 * word for any other status.
 */
export function ClosedSessionMessage({ status, invalidReason }: ClosedSessionMessageProps) {
  const text = isTerminalStatus(status) ? closedText[status] : notAcceptingText;
  return (
    <section className="capture-closed" aria-labelledby="capture-closed-title">
      <h2 id="capture-closed-title">{text.title}</h2>
      {status === 'INVALID' && invalidReason ? (
        <p className="capture-closed-reason">
          Reason given: <q>{invalidReason}</q>
        </p>
      ) : null}
      <p>{text.body}</p>
    </section>
  );
}
