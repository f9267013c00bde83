import { CreateInviteRequest, Role } from '@pave/domain';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useInvite } from '../api/people.js';
import { ShownOnce } from './shown-once.js';

/** The admin's invite form: an email and a role give a one-time link (no mail is sent). */
export function InviteForm() {
  const invite = useInvite();
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = CreateInviteRequest.safeParse({ email: data.get('email'), role: data.get('role') });
    setProblem(parsed.success ? null : 'Enter an email address.');
    if (parsed.success) invite.mutate(parsed.data);
  };
  return (
    <section className="admin-section" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span className="field__label">Email</span>
          <input name="email" type="email" autoComplete="off" required />
        </label>
        <div className="field">
          <label className="field__label" htmlFor="invite-role">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="reviewer">
            {Role.options.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={invite.status === 'pending'}>
          Make invite link
        </button>
      </form>
      {problem ? <ErrorMessage>{problem}</ErrorMessage> : null}
      {invite.status === 'error' ? <ErrorMessage>{summarizeError(invite.error).message}</ErrorMessage> : null}
      {invite.status === 'success' && invite.data ? (
        <ShownOnce
          title={`Invite link for ${invite.data.invite.email}`}
          value={invite.data.url}
          copyLabel="Copy link"
        />
      ) : null}
    </section>
  );
}
