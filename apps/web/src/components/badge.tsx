import type { ReactNode } from 'react';
import './badge.css';

/** A badge's colour, by what it says (every tone has a contrast ratio of at least 7:1). */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** How a badge shows one value of a closed set: its words and its tone. */
export type BadgeLook = { readonly text: string; readonly tone: BadgeTone };

/** Props of {@link Badge}. */
export type BadgeProps = { look: BadgeLook; title?: string; children?: ReactNode };

/** A coloured badge showing `look.text`, then any children. */
export function Badge({ look, title, children }: BadgeProps) {
  return (
    <span className={`badge badge--${look.tone}`} title={title}>
      {look.text}
      {children}
    </span>
  );
}
