import type { ChangeEvent } from 'react';

/** Props of {@link PhotoInput}. */
export type PhotoInputProps = {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  primary?: boolean;
};

/** The phone camera as a big button: a file input that asks for the rear camera. */
export function PhotoInput({ label, onFile, disabled = false, primary = true }: PhotoInputProps) {
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
        onChange={onChange}
        disabled={disabled}
      />
      <span>{label}</span>
    </label>
  );
}
