import { useState } from 'react';
import { isManualEntryCode, type CaptureStepState, type SessionPhoto } from '@pave/domain';
import { manualEntryText } from '../utils/step-instructions.js';
import { ManualEntryForm } from './manual-entry-form.js';

/** Props of {@link ManualEntrySection}. */
export type ManualEntrySectionProps = {
  sessionKey: string;
  step: CaptureStepState;
  onStart: () => void;
  onSaved: (photo: SessionPhoto, savedText: string) => void;
};

/** Offers typing the VIN or the odometer reading, on the steps where the server allows it. */
export function ManualEntrySection({ sessionKey, step, onStart, onSaved }: ManualEntrySectionProps) {
  const [open, setOpen] = useState(false);
  const code = step.photo_code;
  if (!isManualEntryCode(code) || !step.manual_entry) return null;
  const text = manualEntryText[code];
  if (!open) {
    return (
      <button type="button" className="button button--large" onClick={() => setOpen(true)}>
        {text.offer}
      </button>
    );
  }
  const saved = (photo: SessionPhoto) => {
    setOpen(false);
    onSaved(photo, text.saved);
  };
  return <ManualEntryForm sessionKey={sessionKey} photoCode={code} onStart={onStart} onSaved={saved} />;
}
