import { useCallback, useState, type FormEvent } from 'react';
import { isDeletableStatus, type ListedSession } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { DataTable } from '../../../components/data-table.js';
import { LocalTime } from '../../../components/local-time.js';
import { PhoneReachWarning } from '../../../components/phone-reach-warning.js';
import { SessionStatusBadge } from '../../../components/session-status-badge.js';
import { paths } from '../../../config/paths.js';
import { useCan } from '../../../lib/clients.js';
import { summarizeError } from '../../../lib/errors.js';
import { Link } from '../../../lib/router.js';
import { useAccountEvents } from '../api/account-events.js';
import { useSessionsList } from '../api/sessions-list.js';
import { setListFilters, useListFilters, type ListFilters } from '../hooks/use-list-filters.js';
import { DeleteSessionButton } from './delete-session-button.js';
import { StatusFilter } from './status-filter.js';
import './sessions-table.css';

/** How often the list is refreshed when the account's event stream cannot be had. */
const listPollMs = 5000;

/** Told the key of a session the reviewer deleted from the list. */
type OnDeleted = ((sessionKey: string) => void) | undefined;

function vehicleOf({ vehicle }: ListedSession): string {
  const named = [vehicle.year, vehicle.make, vehicle.model].filter((part) => part !== null).join(' ');
  return [named, vehicle.vin].filter((part) => part !== null && part !== '').join(' · ') || '—';
}

function clientReferenceOf(session: ListedSession): string {
  const references = Object.entries(session.reference ?? {}).map(([name, value]) => `${name}=${value}`);
  return [session.options.client_id, ...references].filter((part) => part !== null).join(', ') || '—';
}

const sessionColumns = [
  'Session',
  'Status',
  'Progress',
  'Vehicle',
  'Client reference',
  'Created',
  'Last activity',
  'Completed',
  'Actions',
] as const;

type RowProps = { session: ListedSession; onDeleted: OnDeleted; onRefused: (message: string) => void };

function SessionRow({ session, onDeleted, onRefused }: RowProps) {
  const { progress } = session;
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
        <span aria-label={`${progress.steps_done} of ${progress.steps_total} steps done`}>
          {progress.steps_done}/{progress.steps_total}
        </span>
      </td>
      <td>{vehicleOf(session)}</td>
      <td>{clientReferenceOf(session)}</td>
      <td>
        <LocalTime wire={session.created_at} />
      </td>
      <td>{progress.last_activity_at ? <LocalTime wire={progress.last_activity_at} /> : '—'}</td>
      <td>{session.inspect_ended_at ? <LocalTime wire={session.inspect_ended_at} /> : '—'}</td>
      <td>
        {canReview && isDeletableStatus(session.status) ? (
          <DeleteSessionButton sessionKey={session.session_key} onDeleted={onDeleted} onRefused={onRefused} />
        ) : null}
      </td>
    </tr>
  );
}

function SessionRows({
  sessions,
  filtered,
  ...row
}: Omit<RowProps, 'session'> & {
  sessions: readonly ListedSession[];
  filtered: boolean;
}) {
  if (sessions.length === 0) return <p>{filtered ? 'No sessions match.' : 'No sessions yet.'}</p>;
  return (
    <DataTable caption="Sessions, newest first" columns={sessionColumns}>
      {sessions.map((session) => (
        <SessionRow key={session.session_key} session={session} {...row} />
      ))}
    </DataTable>
  );
}

function SearchForm({ filters }: { filters: ListFilters }) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    setListFilters({ q: text('q'), from: text('from'), to: text('to') });
  };
  // keyed by the URL's values: going back or forward shows the filters of that entry
  return (
    <form
      key={`${filters.q}|${filters.from}|${filters.to}`}
      className="sessions__search"
      role="search"
      aria-label="Search sessions"
      onSubmit={onSubmit}
    >
      <label className="field field--inline">
        <span className="field__label">Key, VIN or client reference</span>
        <input name="q" type="search" defaultValue={filters.q ?? ''} maxLength={64} autoComplete="off" />
      </label>
      <label className="field field--inline">
        <span className="field__label">Created from</span>
        <input name="from" type="date" defaultValue={filters.from ?? ''} />
      </label>
      <label className="field field--inline">
        <span className="field__label">Created to</span>
        <input name="to" type="date" defaultValue={filters.to ?? ''} />
      </label>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}

/**
 * The account's sessions, newest first: searched, filtered by status and creation day, paged with "Load more"
 * (all of it kept in the URL), live from the account's event stream (polling when it cannot be had).
 */
export function SessionsTable({ onDeleted }: { onDeleted?: (sessionKey: string) => void }) {
  const filters = useListFilters();
  const connection = useAccountEvents();
  const list = useSessionsList(filters, connection === 'polling' ? listPollMs : false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const onRefused = useCallback((message: string) => setRefusal(message), []);
  const sessions = list.data?.flatMap((page) => page.sessions) ?? [];
  const filtered = filters.status !== null || filters.q !== null || filters.from !== null || filters.to !== null;
  return (
    <section className="sessions" aria-labelledby="sessions-title">
      <div className="sessions__bar">
        <h2 id="sessions-title">Sessions</h2>
        <StatusFilter value={filters.status} onChange={(status) => setListFilters({ status })} />
      </div>
      <PhoneReachWarning captureUrl={sessions[0]?.capture_url} />
      <SearchForm filters={filters} />
      <p className="sessions__live" role="status">
        {connection === 'streaming'
          ? 'Live: new sessions and changes appear as they happen.'
          : connection === 'polling'
            ? `Live updates unavailable: refreshing every ${listPollMs / 1000} seconds.`
            : 'Connecting to live updates…'}
      </p>
      {refusal !== null ? <ErrorMessage>{refusal}</ErrorMessage> : null}
      {list.status === 'pending' ? <p role="status">Loading sessions…</p> : null}
      {list.status === 'error' ? (
        <ErrorMessage onRetry={() => void list.refetch()}>{summarizeError(list.error).message}</ErrorMessage>
      ) : null}
      {list.data ? (
        <SessionRows sessions={sessions} filtered={filtered} onDeleted={onDeleted} onRefused={onRefused} />
      ) : null}
      {list.hasNextPage ? (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetching}>
          {list.isFetchingNextPage ? 'Loading more…' : 'Load more sessions'}
        </button>
      ) : null}
    </section>
  );
}
