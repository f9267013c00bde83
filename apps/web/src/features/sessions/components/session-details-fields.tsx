import { OdometerUnit, SessionLanguage, SessionTheme } from '@pave/domain';
import { vehicleFields } from '../utils/session-form-body.js';

function TextField({ name, label, type = 'text' }: { name: string; label: string; type?: string }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input name={name} type={type} autoComplete="off" />
    </label>
  );
}

function SelectField({ name, label, options }: { name: string; label: string; options: readonly string[] }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select name={name} defaultValue="">
        <option value="">Default</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}

/** The optional fields of PAVE's create body: vehicle, contact, reference, redirect, language, theme, SMS. */
export function SessionDetailsFields() {
  return (
    <details className="new-session__details">
      <summary>Vehicle, contact and more</summary>
      <fieldset>
        <legend>Vehicle</legend>
        {vehicleFields.map(([name, label]) => (
          <TextField key={name} name={`vehicle.${name}`} label={label} />
        ))}
        <SelectField name="vehicle.odom_unit" label="Odometer unit" options={OdometerUnit.options} />
      </fieldset>
      <fieldset>
        <legend>Driver</legend>
        <TextField name="contact.first_name" label="First name" />
        <TextField name="contact.last_name" label="Last name" />
        <TextField name="sms.to" label="Phone (SMS, stored only)" type="tel" />
      </fieldset>
      <fieldset>
        <legend>Session</legend>
        <TextField name="client_id" label="Client id" />
        <label className="field">
          <span className="field__label">Reference (one key=value per line)</span>
          <textarea name="reference" rows={2} />
        </label>
        <TextField name="redirect_url" label="Redirect URL" type="url" />
        <SelectField name="language" label="Language" options={SessionLanguage.options} />
        <SelectField name="theme" label="Theme" options={SessionTheme.options} />
      </fieldset>
    </details>
  );
}
