import { useState } from 'react';

/** Props of {@link CopyButton}. */
export type CopyButtonProps = { text: string; label: string };

type CopyState = 'idle' | 'copied' | 'failed';

const feedback = {
  idle: '',
  copied: 'Copied to the clipboard.',
  failed: 'Copying failed: select the text and copy it.',
};

/** Copies text with the Clipboard API and announces the outcome politely. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-button__status">
        {feedback[state]}
      </span>
    </span>
  );
}
