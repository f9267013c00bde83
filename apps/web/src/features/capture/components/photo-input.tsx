import type { ChangeEvent } from 'react';

/** Props of {@link PhotoInput}. */
export type PhotoInputProps = {
  label: string;
  onFile: (file: File) => void;
  primary: boolean;
  /** Turned off (a reviewer's preview sends nothing). */
  disabled?: boolean;
};

/** The phone's own camera or photo library as a big button: a file input asking for the rear camera (the fallback). */
export function PhotoInput({ label, onFile, primary, disabled = false }: PhotoInputProps) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // clear the input so choosing the same file again still fires a change
    input.value = '';
    if (file) onFile(file);
  };
  return (
    <label className={`photo-input button button--large${primary ? ' button--primary' : ''}`}>
      <input
        className="visually-hidden"
        type="file"
        accept="image/*"
        capture="environment"
        disabled={disabled}
        onChange={onChange}
      />
      <span>{label}</span>
    </label>
  );
}
