import { invalidReasonMaxLength, transitionStatus, type Session } from '@pave/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useInvalidateSession } from '../api/invalidate-session.js';

/**
 * Ends a session that must not be used (a leaked link, the wrong vehicle), with a reason and a confirmation; an
 * `INVALID` session shows its reason instead.
 */
export function InvalidatePanel({ session }: { session: Session }) {
  const invalidate = useInvalidateSession(session.session_key);
  const [reason, setReason] = useState('');
  if (!transitionStatus(session.status, 'invalidate').ok) {
    return (
      <section className="session-panel" aria-labelledby="invalidate-title">
        <h2 id="invalidate-title">Invalidated</h2>
        <p>Reason: {session.invalid_reason}</p>
      </section>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const question = `Invalidate session ${session.session_key}? Its capture link stops working for good.`;
    if (window.confirm(question)) invalidate.mutate(reason);
  };
  return (
    <section className="session-panel" aria-labelledby="invalidate-title">
      <h2 id="invalidate-title">Invalidate</h2>
      <form onSubmit={onSubmit}>
        <label className="field">
          <span className="field__label">Reason</span>
          <input
            name="reason"
            maxLength={invalidReasonMaxLength}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        {invalidate.status === 'error' ? <ErrorMessage>{summarizeError(invalidate.error).message}</ErrorMessage> : null}
        <button type="submit" className="button" disabled={invalidate.status === 'pending' || reason.trim() === ''}>
          Invalidate session
        </button>
      </form>
    </section>
  );
}
