import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/copy-button.js';

/** Props of {@link ShownOnce}. */
export type ShownOnceProps = { title: string; value: string; copyLabel: string; children?: ReactNode };

/** A secret or one-time link the server shows this once: readable, selectable, copyable, and said to be so. */
export function ShownOnce({ title, value, copyLabel, children }: ShownOnceProps) {
  return (
    <div className="shown-once" role="status">
      <p className="shown-once__title">{title}</p>
      {children}
      <code className="shown-once__value">{value}</code>
      <p className="hint">Shown only this once: copy it now and hand it over privately.</p>
      <CopyButton text={value} label={copyLabel} />
    </div>
  );
}
