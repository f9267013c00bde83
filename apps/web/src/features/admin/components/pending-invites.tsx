import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useInvites, useWithdrawInvite } from '../api/people.js';

/** The one-time links nobody has used yet (never their tokens), each withdrawable. */
export function PendingInvites() {
  const invites = useInvites();
  const withdraw = useWithdrawInvite();
  if (!invites.data) return null;
  return (
    <section className="admin-section" aria-labelledby="pending-title">
      <h2 id="pending-title">Pending links</h2>
      {invites.data.data.length === 0 ? <p>None.</p> : null}
      <ul className="admin-list">
        {invites.data.data.map((invite) => (
          <li key={invite.id}>
            {invite.kind === 'reset' ? 'Password reset' : 'Invite'} for {invite.email || 'the first admin'} (
            {invite.role}), valid until {formatTimestamp(invite.expires_at)}{' '}
            <button type="button" className="button" onClick={() => withdraw.mutate(invite.id)}>
              Withdraw
            </button>
          </li>
        ))}
      </ul>
      {withdraw.status === 'error' ? <ErrorMessage>{summarizeError(withdraw.error).message}</ErrorMessage> : null}
    </section>
  );
}
