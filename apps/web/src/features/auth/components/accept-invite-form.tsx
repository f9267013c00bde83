import { AcceptInviteRequest, passwordMinLength } from '@pave/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useAcceptInvite } from '../api/login.js';
import './sign-in-form.css';

/** Props of {@link AcceptInviteForm}. */
export type AcceptInviteFormProps = { token: string; onDone: () => void };

function readForm(form: HTMLFormElement, token: string): unknown {
  const data = new FormData(form);
  const email = String(data.get('email') ?? '').trim();
  return { token, password: data.get('password'), ...(email === '' ? {} : { email }) };
}

/** `/welcome#<token>`: a one-time link's page, where an invited person (or one whose password was reset) sets it. */
export function AcceptInviteForm({ token, onDone }: AcceptInviteFormProps) {
  const accept = useAcceptInvite();
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = AcceptInviteRequest.safeParse(readForm(event.currentTarget, token));
    setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the form.'));
    if (parsed.success) accept.mutate(parsed.data, { onSuccess: onDone });
  };
  return (
    <form className="sign-in" onSubmit={onSubmit} aria-labelledby="welcome-title" noValidate>
      <h1 id="welcome-title">Set your password</h1>
      <p className="hint">
        This link works once. Choose a password of at least {passwordMinLength} characters; you will then be signed in.
      </p>
      <label className="field">
        <span className="field__label">Email (only if the link does not name you)</span>
        <input name="email" type="email" autoComplete="username" />
      </label>
      <label className="field">
        <span className="field__label">New password</span>
        <input name="password" type="password" autoComplete="new-password" minLength={passwordMinLength} required />
      </label>
      {problem ? <ErrorMessage>{problem}</ErrorMessage> : null}
      {accept.status === 'error' ? (
        <ErrorMessage title="The link was refused">{summarizeError(accept.error).message}</ErrorMessage>
      ) : null}
      <button type="submit" className="button button--primary" disabled={accept.status === 'pending'}>
        {accept.status === 'pending' ? 'Saving…' : 'Set password and sign in'}
      </button>
    </form>
  );
}
