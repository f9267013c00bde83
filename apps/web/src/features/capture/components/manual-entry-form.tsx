import { useId, useState, type FormEvent } from 'react';
import { checkManualEntry, type ManualEntryCode } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { useManualEntry } from '../api/manual-entry.js';
import { useErrorText, useText } from '../i18n/text-context.js';

/** Props of {@link ManualEntryForm}. */
export type ManualEntryFormProps = {
  sessionKey: string;
  photoCode: ManualEntryCode;
  initialValue: string;
  onSaved: () => void;
};

/** Types a VIN or an odometer reading instead of a photo; checked with the domain rule before sending. */
export function ManualEntryForm({ sessionKey, photoCode, initialValue, onSaved }: ManualEntryFormProps) {
  const text = useText();
  const errorText = useErrorText();
  const errorId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useManualEntry(sessionKey);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkManualEntry(photoCode, String(new FormData(event.currentTarget).get('value') ?? ''));
    if (!checked.ok) {
      setProblem(text.manualInvalid[photoCode]);
      return;
    }
    setProblem(null);
    save.mutate({ photo_code: photoCode, value: checked.value }, { onSuccess: onSaved });
  };
  return (
    <form className="manual-entry" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span className="field__label">{text.manual[photoCode].field}</span>
        <input
          name="value"
          defaultValue={initialValue}
          inputMode={photoCode === 3 ? 'numeric' : 'text'}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
        />
      </label>
      {problem ? (
        <p id={errorId} className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {save.status === 'error' ? <ErrorMessage>{errorText(save.error)}</ErrorMessage> : null}
      <button type="submit" className="button button--large" disabled={save.status === 'pending'}>
        {save.status === 'pending' ? text.saving : text.manual[photoCode].save}
      </button>
    </form>
  );
}
