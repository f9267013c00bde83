import {
  SessionLanguage,
  SessionTheme,
  updateRefusalOf,
  type Session,
  type UpdateField,
  type UpdateSessionInput,
} from '@pave/domain';
import type { FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useUpdateSession } from '../api/update-session.js';

type FieldSpec = {
  readonly field: UpdateField;
  readonly label: string;
  /** The session's current value, as the input shows it. */
  readonly value: (session: Session) => string;
  readonly options?: readonly string[];
};

const fieldSpecs: readonly FieldSpec[] = [
  { field: 'session.theme', label: 'Theme', value: (s) => s.theme, options: SessionTheme.options },
  { field: 'session.language', label: 'Language', value: (s) => s.language, options: SessionLanguage.options },
  { field: 'session.redirect_url', label: 'Redirect URL', value: (s) => s.redirect_url ?? '' },
  { field: 'session.client_id', label: 'Client id', value: (s) => s.options.client_id ?? '' },
  { field: 'vehicle.vin', label: 'VIN', value: (s) => s.vehicle.vin ?? '' },
  { field: 'vehicle.year', label: 'Year', value: (s) => (s.vehicle.year === null ? '' : String(s.vehicle.year)) },
  { field: 'vehicle.make', label: 'Make', value: (s) => s.vehicle.make ?? '' },
  { field: 'vehicle.model', label: 'Model', value: (s) => s.vehicle.model ?? '' },
  {
    field: 'vehicle.odom_reading',
    label: 'Odometer reading',
    value: (s) => (s.vehicle.odom_reading === null ? '' : String(s.vehicle.odom_reading)),
  },
  { field: 'sms.to', label: 'Phone (SMS)', value: (s) => s.options.sms?.to ?? '' },
];

const idOf = (field: UpdateField) => `edit-${field.replace('.', '-')}`;

/** The fields the reviewer changed (and did not leave empty), as PAVE's update body. */
function changesOf(session: Session, data: FormData): UpdateSessionInput {
  const body: Record<string, Record<string, string>> = {};
  for (const spec of fieldSpecs) {
    const value = String(data.get(spec.field) ?? '').trim();
    if (value === '' || value === spec.value(session)) continue;
    const [group = '', name = ''] = spec.field.split('.');
    body[group] = { ...body[group], [name]: value };
  }
  return body as UpdateSessionInput;
}

function SettingsField({ session, spec }: { session: Session; spec: FieldSpec }) {
  // why the field cannot change now, from the domain's rule; null when it can
  const refusal = updateRefusalOf(spec.field, session.status);
  const props = {
    id: idOf(spec.field),
    name: spec.field,
    defaultValue: spec.value(session),
    disabled: refusal !== null,
    ...(refusal === null ? {} : { 'aria-describedby': `${idOf(spec.field)}-why` }),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {spec.label}
      </label>
      {spec.options ? (
        <select {...props}>
          {spec.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input {...props} autoComplete="off" />
      )}
      {refusal === null ? null : (
        <span className="hint" id={`${props.id}-why`}>
          {refusal}
        </span>
      )}
    </div>
  );
}

/** Edits what the update rules allow in the session's status; each other field is disabled with the rule's reason. */
export function SessionSettingsForm({ session }: { session: Session }) {
  const update = useUpdateSession(session.session_key);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(changesOf(session, new FormData(event.currentTarget)));
  };
  return (
    <section className="session-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Details</h2>
      <form className="session-panel__grid" onSubmit={onSubmit} key={session.updated_at}>
        {fieldSpecs.map((spec) => (
          <SettingsField key={spec.field} session={session} spec={spec} />
        ))}
        {update.status === 'error' ? <ErrorMessage>{summarizeError(update.error).message}</ErrorMessage> : null}
        {update.status === 'success' ? <p role="status">Saved.</p> : null}
        <button type="submit" className="button" disabled={update.status === 'pending'}>
          Save changes
        </button>
      </form>
    </section>
  );
}
