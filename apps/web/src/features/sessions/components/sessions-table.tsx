import { isDeletableStatus, type Session } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { SessionStatusBadge } from '../../../components/session-status-badge.js';
import { paths } from '../../../config/paths.js';
import { useCan } from '../../../lib/clients.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { Link } from '../../../lib/router.js';
import { useAccountEvents } from '../api/account-events.js';
import { useSessionsList } from '../api/sessions-list.js';

/** How often the list is refreshed when the account's event stream cannot be had. */
const listPollMs = 5000;
import { setStatusFilter, useStatusFilter } from '../hooks/use-status-filter.js';
import { DeleteSessionButton } from './delete-session-button.js';
import { StatusFilter } from './status-filter.js';
import './sessions-table.css';

/** Told the key of a session the reviewer deleted from the list. */
type OnDeleted = ((sessionKey: string) => void) | undefined;

function SessionRow({ session, onDeleted }: { session: Session; onDeleted: OnDeleted }) {
  const canReview = useCan('review');
  return (
    <tr>
      <th scope="row">
        <Link to={paths.session(session.session_key)}>{session.session_key}</Link>
      </th>
      <td>
        <SessionStatusBadge status={session.status} />
      </td>
      <td>
        <time dateTime={session.created_at}>{formatTimestamp(session.created_at)}</time>
      </td>
      <td>{session.options.client_id ?? '—'}</td>
      <td>
        {canReview && isDeletableStatus(session.status) ? (
          <DeleteSessionButton sessionKey={session.session_key} onDeleted={onDeleted} />
        ) : null}
      </td>
    </tr>
  );
}

function SessionRows({ sessions, onDeleted }: { sessions: readonly Session[]; onDeleted: OnDeleted }) {
  if (sessions.length === 0) return <p>No sessions yet.</p>;
  return (
    <div className="sessions-table__scroll">
      <table className="sessions-table">
        <caption className="visually-hidden">Sessions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Client reference</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <SessionRow key={session.session_key} session={session} onDeleted={onDeleted} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The account's sessions, newest first, filtered by status (kept in `?status=`), paged with "Load more". */
export function SessionsTable({ onDeleted }: { onDeleted?: (sessionKey: string) => void }) {
  const status = useStatusFilter();
  const connection = useAccountEvents();
  const list = useSessionsList(status, connection === 'polling' ? listPollMs : false);
  const sessions = list.data?.flatMap((page) => page.sessions) ?? [];
  return (
    <section className="sessions" aria-labelledby="sessions-title">
      <div className="sessions__bar">
        <h2 id="sessions-title">Sessions</h2>
        <StatusFilter value={status} onChange={setStatusFilter} />
      </div>
      <p className="sessions__live" role="status">
        {connection === 'streaming'
          ? 'Live: new sessions and changes appear as they happen.'
          : connection === 'polling'
            ? `Live updates unavailable: refreshing every ${listPollMs / 1000} seconds.`
            : 'Connecting to live updates…'}
      </p>
      {list.status === 'pending' ? <p role="status">Loading sessions…</p> : null}
      {list.status === 'error' ? (
        <ErrorMessage onRetry={() => void list.refetch()}>{summarizeError(list.error).message}</ErrorMessage>
      ) : null}
      {list.data ? <SessionRows sessions={sessions} onDeleted={onDeleted} /> : null}
      {list.hasNextPage ? (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetching}>
          {list.isFetchingNextPage ? 'Loading more…' : 'Load more sessions'}
        </button>
      ) : null}
    </section>
  );
}
