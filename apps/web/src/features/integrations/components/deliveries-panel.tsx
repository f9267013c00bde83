import { useState, type FormEvent } from 'react';
import { CallbackEvent, DeliveryState, SessionKey, type Delivery } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { DataTable } from '../../../components/data-table.js';
import { summarizeError } from '../../../lib/errors.js';
import { formatTimestamp } from '../../../lib/format.js';
import { useDeliveries, useRedeliver, type DeliveryFilters } from '../api/deliveries.js';

function filtersOf(data: FormData): DeliveryFilters | string {
  const event = CallbackEvent.safeParse(data.get('event'));
  const state = DeliveryState.safeParse(data.get('state'));
  const key = String(data.get('session_key') ?? '').trim();
  const sessionKey = SessionKey.safeParse(key);
  if (key !== '' && !sessionKey.success) return `"${key}" is not a session key (like DEM-0123456789).`;
  return {
    ...(event.success ? { event: event.data } : {}),
    ...(state.success ? { state: state.data } : {}),
    ...(sessionKey.success ? { session_key: sessionKey.data } : {}),
  };
}

function Filters({ onApply }: { onApply: (filters: DeliveryFilters) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const filters = filtersOf(new FormData(event.currentTarget));
    setProblem(typeof filters === 'string' ? filters : null);
    if (typeof filters !== 'string') onApply(filters);
  };
  return (
    <form className="integrations__filters" onSubmit={onSubmit} aria-label="Filter deliveries" noValidate>
      <label className="field">
        <span className="field__label">Event</span>
        <select name="event" defaultValue="">
          <option value="">All events</option>
          {CallbackEvent.options.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">State</span>
        <select name="state" defaultValue="">
          <option value="">All states</option>
          {DeliveryState.options.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Session key</span>
        <input name="session_key" autoComplete="off" />
      </label>
      <button type="submit" className="button">
        Apply filters
      </button>
      {problem ? <ErrorMessage>{problem}</ErrorMessage> : null}
    </form>
  );
}

function lastTry(delivery: Delivery): string {
  const last = delivery.attempts.at(-1);
  if (!last) return 'not tried yet';
  const outcome = last.status_code === null ? (last.error ?? 'no answer') : `HTTP ${last.status_code}`;
  return `${outcome} in ${last.latency_ms} ms`;
}

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const redeliver = useRedeliver();
  const tries = delivery.attempts.length;
  return (
    <tr>
      <td>
        <time dateTime={delivery.created_at}>{formatTimestamp(delivery.created_at)}</time>
      </td>
      <th scope="row">{delivery.event}</th>
      <td>{delivery.session_key}</td>
      <td>{delivery.state}</td>
      <td>
        {tries === 0 ? (
          lastTry(delivery)
        ) : (
          <details>
            <summary>
              {tries} {tries === 1 ? 'try' : 'tries'}, last: {lastTry(delivery)}
            </summary>
            <ol className="integrations__tries">
              {delivery.attempts.map((attempt) => (
                <li key={attempt.at}>
                  {formatTimestamp(attempt.at)}:{' '}
                  {attempt.status_code === null ? 'no answer' : `HTTP ${attempt.status_code}`}, {attempt.latency_ms} ms
                  {attempt.error ? `, ${attempt.error}` : ''}
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
      <td>
        {delivery.state === 'pending' ? null : (
          <button
            type="button"
            className="button"
            onClick={() => redeliver.mutate(delivery.id)}
            disabled={redeliver.status === 'pending'}
          >
            Redeliver <span className="visually-hidden">delivery {delivery.id}</span>
          </button>
        )}
        {redeliver.status === 'error' ? <ErrorMessage>{summarizeError(redeliver.error).message}</ErrorMessage> : null}
      </td>
    </tr>
  );
}

/** The delivery log: filtered by event, state and session; each delivery's tries; redeliver a finished one. */
export function DeliveriesPanel() {
  const [filters, setFilters] = useState<DeliveryFilters>({});
  const deliveries = useDeliveries(filters);
  const list = deliveries.data?.data ?? [];
  return (
    <section className="integrations__panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      <Filters onApply={setFilters} />
      {deliveries.status === 'error' ? (
        <ErrorMessage onRetry={() => void deliveries.refetch()}>
          {summarizeError(deliveries.error).message}
        </ErrorMessage>
      ) : null}
      {deliveries.data && list.length === 0 ? <p>No deliveries match.</p> : null}
      {list.length > 0 ? (
        <DataTable
          caption="Deliveries, newest first"
          columns={['Created', 'Event', 'Session', 'State', 'Tries', 'Actions']}
        >
          {list.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
