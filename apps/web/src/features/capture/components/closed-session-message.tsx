import type { SessionStatus } from '@pave/domain';

const closedText = {
  COMPLETE: {
    title: 'Inspection complete',
    body: 'Thank you! The photos have been submitted. You can close this page.',
  },
  CONFIRM: {
    title: 'Inspection submitted',
    body: 'Thank you! The photos have been submitted. You can close this page.',
  },
  EXPIRED: { title: 'This link has expired', body: 'The inspection was not finished in time. Ask for a new link.' },
  INVALID: { title: 'This inspection was cancelled', body: 'Ask for a new link if you still need to send photos.' },
} as const;

type ClosedStatus = keyof typeof closedText;

/** True for the statuses in which the capture app shows a closing message instead of the steps. */
export function isClosedStatus(status: SessionStatus): status is ClosedStatus {
  return status in closedText;
}

/** Props of {@link ClosedSessionMessage}. */
export type ClosedSessionMessageProps = { status: ClosedStatus | null };

/** A clear message for a completed, expired or cancelled session (null: photos not accepted for another reason). */
export function ClosedSessionMessage({ status }: ClosedSessionMessageProps) {
  const text = status
    ? closedText[status]
    : { title: 'Photos cannot be sent now', body: 'This inspection is not accepting photos. Ask for a new link.' };
  return (
    <section className="capture-closed" aria-labelledby="capture-closed-title">
      <h2 id="capture-closed-title">{text.title}</h2>
      <p>{text.body}</p>
    </section>
  );
}
