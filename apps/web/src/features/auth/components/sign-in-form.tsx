import { LoginRequest } from '@pave/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { useAuth } from '../../../lib/clients.js';
import { summarizeError } from '../../../lib/errors.js';
import { useLogin } from '../api/login.js';
import './sign-in-form.css';

/** Sign-in with email and password; the server keeps the session in an HttpOnly cookie (it survives new tabs). */
export function SignInForm() {
  const login = useLogin();
  const { notice } = useAuth();
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = LoginRequest.safeParse({ email: data.get('email'), password: data.get('password') });
    setInvalid(!parsed.success);
    if (parsed.success) login.mutate(parsed.data);
  };
  return (
    <form className="sign-in" onSubmit={onSubmit} aria-labelledby="sign-in-title" noValidate>
      <h1 id="sign-in-title">Sign in</h1>
      <p className="hint">Sign in with your email and password. No account yet? Ask an admin for an invite link.</p>
      <label className="field">
        <span className="field__label">Email</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span className="field__label">Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {notice && login.status === 'idle' ? <ErrorMessage title="Signed out">{notice}</ErrorMessage> : null}
      {invalid ? <ErrorMessage>Fill in your email address and your password.</ErrorMessage> : null}
      {login.status === 'error' ? (
        <ErrorMessage title="Sign-in failed">{summarizeError(login.error).message}</ErrorMessage>
      ) : null}
      <button type="submit" className="button button--primary" disabled={login.status === 'pending'}>
        {login.status === 'pending' ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
