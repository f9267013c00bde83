import { Role, type User } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { DataTable } from '../../../components/data-table.js';
import { useAuth } from '../../../lib/clients.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useRemoveUser, useResetPassword, useSetRole, useUsers } from '../api/people.js';
import { ShownOnce } from './shown-once.js';

function PersonRow({ user, self }: { user: User; self: boolean }) {
  const setRole = useSetRole();
  const remove = useRemoveUser();
  return (
    <tr>
      <th scope="row">{user.email}</th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={user.role}
          onChange={(event) => setRole.mutate({ id: user.id, role: Role.parse(event.target.value) })}
        >
          {Role.options.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>{user.last_login_at ? formatTimestamp(user.last_login_at) : 'never'}</td>
      <td>
        {self ? null : (
          <button type="button" className="button" onClick={() => remove.mutate(user.id)}>
            Remove {user.email}
          </button>
        )}
        {setRole.status === 'error' ? <ErrorMessage>{summarizeError(setRole.error).message}</ErrorMessage> : null}
        {remove.status === 'error' ? <ErrorMessage>{summarizeError(remove.error).message}</ErrorMessage> : null}
      </td>
    </tr>
  );
}

/** The account's people: role, last sign-in, removal; and a one-time password reset link. */
export function PeopleTable() {
  const users = useUsers();
  const reset = useResetPassword();
  const { signedIn } = useAuth();
  if (users.status === 'error') {
    return <ErrorMessage onRetry={() => void users.refetch()}>{summarizeError(users.error).message}</ErrorMessage>;
  }
  if (!users.data) return <p role="status">Loading people…</p>;
  const people = users.data.data;
  return (
    <section className="admin-section" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <DataTable caption="The account's people, oldest first" columns={['Email', 'Role', 'Last sign-in', 'Actions']}>
        {people.map((user) => (
          <PersonRow key={user.id} user={user} self={user.id === signedIn?.user.id} />
        ))}
      </DataTable>
      <div className="field field--inline">
        <label className="field__label" htmlFor="reset-for">
          Password reset link for
        </label>
        <select
          id="reset-for"
          defaultValue=""
          onChange={(event) => {
            if (event.target.value !== '') reset.mutate(Number(event.target.value));
          }}
        >
          <option value="">choose a person…</option>
          {people.map((user) => (
            <option key={user.id} value={user.id}>
              {user.email}
            </option>
          ))}
        </select>
      </div>
      {reset.status === 'error' ? <ErrorMessage>{summarizeError(reset.error).message}</ErrorMessage> : null}
      {reset.status === 'success' && reset.data ? (
        <ShownOnce
          title={`Password reset link for ${reset.data.invite.email}`}
          value={reset.data.url}
          copyLabel="Copy link"
        />
      ) : null}
    </section>
  );
}
