import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { useAuth } from '../../../lib/clients.js';
import { Credentials } from '../../../lib/credentials.js';
import { summarizeError } from '../../../lib/errors.js';
import { useVerifyCredentials } from '../api/verify-credentials.js';
import './sign-in-form.css';

function readForm(form: HTMLFormElement): unknown {
  const data = new FormData(form);
  return { username: data.get('username'), apiKey: data.get('apiKey'), apiSecret: data.get('apiSecret') };
}

/** Sign-in with username, API key and secret; the secret only signs requests in this tab. */
export function SignInForm() {
  const verify = useVerifyCredentials();
  const { notice } = useAuth();
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = Credentials.safeParse(readForm(event.currentTarget));
    setInvalid(!parsed.success);
    if (parsed.success) verify.mutate(parsed.data);
  };
  return (
    <form className="sign-in" onSubmit={onSubmit} aria-labelledby="sign-in-title" noValidate>
      <h1 id="sign-in-title">Sign in</h1>
      <p className="hint">
        Use your PAVE API credentials. The secret stays in this browser tab: it signs each request and is never sent.
      </p>
      <label className="field">
        <span className="field__label">Username</span>
        <input name="username" autoComplete="username" required />
      </label>
      <label className="field">
        <span className="field__label">API key</span>
        <input name="apiKey" autoComplete="off" spellCheck={false} required />
      </label>
      <label className="field">
        <span className="field__label">API secret</span>
        <input name="apiSecret" type="password" autoComplete="current-password" required />
      </label>
      {notice && verify.status === 'idle' ? <ErrorMessage title="Signed out">{notice}</ErrorMessage> : null}
      {invalid ? <ErrorMessage>Fill in the username, the API key and the API secret.</ErrorMessage> : null}
      {verify.status === 'error' ? (
        <ErrorMessage title="Sign-in failed">{summarizeError(verify.error).message}</ErrorMessage>
      ) : null}
      <button type="submit" className="button button--primary" disabled={verify.status === 'pending'}>
        {verify.status === 'pending' ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
