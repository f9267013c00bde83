import { useState, type FormEvent } from 'react';
import { CallbackEvent, CallbackMethod, type Callback, type CallbackTestResult } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { DataTable } from '../../../components/data-table.js';
import { summarizeError } from '../../../lib/errors.js';
import {
  useCallbacks,
  useDeleteCallback,
  useSaveCallback,
  useTestCallback,
  type CallbackChange,
} from '../api/callbacks.js';
import { parseHeaderLines, toHeaderLines } from '../utils/header-lines.js';

/** Which form is shown: a new callback, or the change of an event's callback. */
type Editing = { readonly kind: 'create' } | { readonly kind: 'update'; readonly callback: Callback };

function formChange(editing: Editing, data: FormData): CallbackChange | string {
  const url = String(data.get('url') ?? '').trim();
  const method = CallbackMethod.parse(String(data.get('method') ?? 'POST'));
  const headers = parseHeaderLines(String(data.get('headers') ?? ''));
  if (!headers.ok) return `Write each header as "Name: value" (cannot read "${headers.line}").`;
  if (editing.kind === 'update') {
    return { kind: 'update', event: editing.callback.event, change: { url, method, headers: headers.headers } };
  }
  const event = CallbackEvent.safeParse(String(data.get('event') ?? ''));
  if (!event.success) return 'Choose an event.';
  return { kind: 'create', request: { event: event.data, url, method, headers: headers.headers } };
}

function CallbackForm({ editing, onDone }: { editing: Editing; onDone: () => void }) {
  const save = useSaveCallback();
  const [problem, setProblem] = useState<string | null>(null);
  const current = editing.kind === 'update' ? editing.callback : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const change = formChange(editing, new FormData(event.currentTarget));
    setProblem(typeof change === 'string' ? change : null);
    if (typeof change !== 'string') save.mutate(change, { onSuccess: onDone });
  };
  const title = current ? `Edit the ${current.event} callback` : 'Add a callback';
  return (
    <form className="integrations__form" onSubmit={onSubmit} aria-label={title} noValidate>
      <h3>{title}</h3>
      {current ? null : (
        <label className="field">
          <span className="field__label">Event</span>
          <select name="event" defaultValue="">
            <option value="" disabled>
              Choose an event
            </option>
            {CallbackEvent.options.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field__label">URL</span>
        <input name="url" type="url" defaultValue={current?.url ?? ''} autoComplete="off" />
      </label>
      <label className="field">
        <span className="field__label">Method</span>
        <select name="method" defaultValue={current?.method ?? 'POST'}>
          {CallbackMethod.options.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Headers (one "Name: value" per line)</span>
        <textarea name="headers" rows={2} defaultValue={current ? toHeaderLines(current.headers) : ''} />
      </label>
      {problem ? <ErrorMessage>{problem}</ErrorMessage> : null}
      {save.status === 'error' ? <ErrorMessage>{summarizeError(save.error).message}</ErrorMessage> : null}
      <div className="integrations__actions">
        <button type="submit" className="button button--primary" disabled={save.status === 'pending'}>
          {current ? 'Save changes' : 'Add callback'}
        </button>
        {current ? (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A test send's outcome in words: delivered or not, the receiver's status, the latency, and why it failed. */
function describeTest(outcome: CallbackTestResult): string {
  const took = `${outcome.latency_ms} ms`;
  if (outcome.delivered) return `Test delivered: HTTP ${outcome.status_code ?? '2xx'} in ${took}.`;
  if (outcome.status_code !== null)
    return `Test not delivered: the receiver answered HTTP ${outcome.status_code} in ${took}.`;
  return `Test not delivered: ${outcome.error ?? 'no answer'} (after ${took}).`;
}

function testMessage(test: ReturnType<typeof useTestCallback>): string {
  switch (test.status) {
    case 'idle':
      return '';
    case 'pending':
      return 'Sending a test event…';
    case 'error':
      return `Test not sent: ${summarizeError(test.error).message}`;
    case 'success':
      return test.data ? describeTest(test.data) : '';
  }
}

function CallbackRow({ callback, onEdit }: { callback: Callback; onEdit: () => void }) {
  const remove = useDeleteCallback();
  const test = useTestCallback();
  const onDelete = () => {
    if (window.confirm(`Delete the ${callback.event} callback? Its events will no longer be sent.`)) {
      remove.mutate(callback.event);
    }
  };
  const headers = Object.keys(callback.headers);
  return (
    <tr>
      <th scope="row">{callback.event}</th>
      <td className="integrations__url">{callback.url}</td>
      <td>{callback.method}</td>
      <td>{headers.length > 0 ? headers.join(', ') : '—'}</td>
      <td>
        <div className="integrations__actions">
          <button type="button" className="button" onClick={onEdit}>
            Edit <span className="visually-hidden">the {callback.event} callback</span>
          </button>
          <button
            type="button"
            className="button"
            onClick={() => test.mutate(callback.event)}
            disabled={test.status === 'pending'}
          >
            Send test <span className="visually-hidden">to the {callback.event} callback</span>
          </button>
          <button type="button" className="button" onClick={onDelete} disabled={remove.status === 'pending'}>
            Delete <span className="visually-hidden">the {callback.event} callback</span>
          </button>
        </div>
        <p className="integrations__test" role="status" aria-label={`Test of the ${callback.event} callback`}>
          {testMessage(test)}
        </p>
        {remove.status === 'error' ? <ErrorMessage>{summarizeError(remove.error).message}</ErrorMessage> : null}
      </td>
    </tr>
  );
}

/** The account's callbacks (one per event): listed, added, edited, deleted. */
export function CallbacksPanel() {
  const callbacks = useCallbacks();
  const [editing, setEditing] = useState<Editing>({ kind: 'create' });
  const list = callbacks.data?.data ?? [];
  return (
    <section className="integrations__panel" aria-labelledby="callbacks-title">
      <h2 id="callbacks-title">Callbacks</h2>
      {callbacks.status === 'error' ? (
        <ErrorMessage onRetry={() => void callbacks.refetch()}>{summarizeError(callbacks.error).message}</ErrorMessage>
      ) : null}
      {callbacks.data && list.length === 0 ? <p>No callbacks yet: events are not sent anywhere.</p> : null}
      {list.length > 0 ? (
        <DataTable caption="Callbacks, one per event" columns={['Event', 'URL', 'Method', 'Headers', 'Actions']}>
          {list.map((callback) => (
            <CallbackRow
              key={callback.event}
              callback={callback}
              onEdit={() => setEditing({ kind: 'update', callback })}
            />
          ))}
        </DataTable>
      ) : null}
      <CallbackForm
        key={editing.kind === 'update' ? editing.callback.event : 'create'}
        editing={editing}
        onDone={() => setEditing({ kind: 'create' })}
      />
    </section>
  );
}
