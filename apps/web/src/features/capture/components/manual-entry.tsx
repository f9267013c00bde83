import { useState } from 'react';
import { isManualEntryCode, type CaptureState, type CaptureStepState, type ManualEntryCode } from '@pave/domain';
import { useCapturePreview } from '../hooks/capture-preview.js';
import { useText } from '../i18n/text-context.js';
import { ManualEntryForm } from './manual-entry-form.js';

/** Props of {@link ManualEntry}. */
export type ManualEntryProps = { state: CaptureState; step: CaptureStepState };

function typedValue(state: CaptureState, code: ManualEntryCode): string {
  const value = code === 1 ? state.vehicle?.vin : state.vehicle?.odom_reading;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * On the VIN and odometer steps: the typed value confirmed ("VIN 1HGC… saved" with Edit) once there is one, else
 * the offer to type it instead of a photo.
 */
export function ManualEntry({ state, step }: ManualEntryProps) {
  const text = useText();
  const [editing, setEditing] = useState(false);
  const preview = useCapturePreview();
  const code = step.photo_code;
  if (!isManualEntryCode(code) || !step.manual_entry) return null;
  const value = typedValue(state, code);
  if (editing) {
    return (
      <ManualEntryForm
        sessionKey={state.session_key}
        photoCode={code}
        initialValue={step.state === 'manual' ? value : ''}
        onSaved={() => setEditing(false)}
      />
    );
  }
  if (step.state === 'manual' && value) {
    return (
      <div className="typed-value">
        <p className="verdict verdict--accepted" role="status">
          <span aria-hidden="true">✓ </span>
          {text.manual[code].saved(value)}
        </p>
        <button type="button" className="button" disabled={preview} onClick={() => setEditing(true)}>
          {text.edit}
          <span className="visually-hidden"> {text.manual[code].field}</span>
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="button button--large" disabled={preview} onClick={() => setEditing(true)}>
      {text.manual[code].offer}
    </button>
  );
}
