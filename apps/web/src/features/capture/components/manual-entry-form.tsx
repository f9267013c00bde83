import { useId, useState, type FormEvent } from 'react';
import { checkManualEntry, type ManualEntryCode, type SessionPhoto } from '@pave/domain';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { useManualEntry } from '../api/manual-entry.js';
import { manualEntryText } from '../utils/step-instructions.js';

/** Props of {@link ManualEntryForm}. */
export type ManualEntryFormProps = {
  sessionKey: string;
  photoCode: ManualEntryCode;
  onStart: () => void;
  onSaved: (photo: SessionPhoto) => void;
};

/** Types a VIN or an odometer reading instead of a photo; checked with the domain rule before sending. */
export function ManualEntryForm({ sessionKey, photoCode, onStart, onSaved }: ManualEntryFormProps) {
  const text = manualEntryText[photoCode];
  const errorId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useManualEntry(sessionKey);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkManualEntry(photoCode, String(new FormData(event.currentTarget).get('value') ?? ''));
    if (!checked.ok) {
      setProblem(checked.error.message);
      return;
    }
    setProblem(null);
    onStart();
    save.mutate({ photo_code: photoCode, value: checked.value }, { onSuccess: onSaved });
  };
  return (
    <form className="manual-entry" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span className="field__label">{text.field}</span>
        <input
          name="value"
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
      {save.status === 'error' ? <ErrorMessage>{summarizeError(save.error).message}</ErrorMessage> : null}
      <button type="submit" className="button button--large" disabled={save.status === 'pending'}>
        {save.status === 'pending' ? 'Saving…' : text.save}
      </button>
    </form>
  );
}
