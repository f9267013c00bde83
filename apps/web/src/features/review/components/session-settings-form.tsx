import {
  OdometerUnit,
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

type ContactPart = 'first_name' | 'last_name';

type FieldSpec = {
  readonly field: UpdateField;
  /** For `session.contact`, which name: the contact changes as a whole, both names sent together. */
  readonly part?: ContactPart;
  readonly label: string;
  /** The session's current value, as the input shows it. */
  readonly value: (session: Session) => string;
  readonly options?: readonly string[];
};

type VehicleText = 'make' | 'model' | 'body_type' | 'trim' | 'transmission' | 'ext_col' | 'int_col';
const vehicleText = (name: VehicleText, label: string): FieldSpec => ({
  field: `vehicle.${name}`,
  label,
  value: (s) => s.vehicle[name] ?? '',
});
const contactName = (part: ContactPart, label: string): FieldSpec => ({
  field: 'session.contact',
  part,
  label,
  value: (s) => s.contact?.[part] ?? '',
});

// what the new-session form sets, but `reference` (its key=value lines are the sessions feature's)
const fieldSpecs: readonly FieldSpec[] = [
  { field: 'session.theme', label: 'Theme', value: (s) => s.theme, options: SessionTheme.options },
  { field: 'session.language', label: 'Language', value: (s) => s.language, options: SessionLanguage.options },
  { field: 'session.redirect_url', label: 'Redirect URL', value: (s) => s.redirect_url ?? '' },
  { field: 'session.client_id', label: 'Client id', value: (s) => s.options.client_id ?? '' },
  { field: 'vehicle.vin', label: 'VIN', value: (s) => s.vehicle.vin ?? '' },
  { field: 'vehicle.year', label: 'Year', value: (s) => (s.vehicle.year === null ? '' : String(s.vehicle.year)) },
  vehicleText('make', 'Make'),
  vehicleText('model', 'Model'),
  vehicleText('body_type', 'Body type'),
  vehicleText('trim', 'Trim'),
  vehicleText('transmission', 'Transmission'),
  vehicleText('ext_col', 'Exterior colour'),
  vehicleText('int_col', 'Interior colour'),
  {
    field: 'vehicle.odom_reading',
    label: 'Odometer reading',
    value: (s) => (s.vehicle.odom_reading === null ? '' : String(s.vehicle.odom_reading)),
  },
  {
    field: 'vehicle.odom_unit',
    label: 'Odometer unit',
    value: (s) => s.vehicle.odom_unit ?? '',
    options: OdometerUnit.options,
  },
  contactName('first_name', 'First name'),
  contactName('last_name', 'Last name'),
  { field: 'sms.to', label: 'Phone (SMS)', value: (s) => s.options.sms?.to ?? '' },
];

const nameOf = (spec: FieldSpec) => (spec.part ? `${spec.field}.${spec.part}` : spec.field);
const idOf = (spec: FieldSpec) => `edit-${nameOf(spec).replaceAll('.', '-')}`;
const formValue = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * The fields the reviewer changed (and did not leave empty), as PAVE's update body; a changed name sends the contact
 * whole, both names as the form has them (the server refuses a contact without both, naming the missing one).
 */
function changesOf(session: Session, data: FormData): UpdateSessionInput {
  const body: Record<string, Record<string, unknown>> = {};
  for (const spec of fieldSpecs) {
    const value = formValue(data, nameOf(spec));
    if (value === '' || value === spec.value(session)) continue;
    const [group = '', name = ''] = spec.field.split('.');
    const contact = {
      first_name: formValue(data, 'session.contact.first_name'),
      last_name: formValue(data, 'session.contact.last_name'),
    };
    body[group] = { ...body[group], [name]: spec.part ? contact : value };
  }
  return body as UpdateSessionInput;
}

function SettingsField({ session, spec }: { session: Session; spec: FieldSpec }) {
  // why the field cannot change now, from the domain's rule; null when it can
  const refusal = updateRefusalOf(spec.field, session.status);
  const props = {
    id: idOf(spec),
    name: nameOf(spec),
    defaultValue: spec.value(session),
    disabled: refusal !== null,
    ...(refusal === null ? {} : { 'aria-describedby': `${idOf(spec)}-why` }),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {spec.label}
      </label>
      {spec.options ? (
        <select {...props}>
          {props.defaultValue === '' ? <option value="">Not set</option> : null}
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
          <SettingsField key={nameOf(spec)} session={session} spec={spec} />
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
