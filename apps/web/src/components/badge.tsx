import type { ReactNode } from 'react';
import './badge.css';

/** A badge's colour, by what it says (every tone has a contrast ratio of at least 7:1). */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Props of {@link Badge}. */
export type BadgeProps = { tone: BadgeTone; title?: string; children: ReactNode };

/** A coloured badge around a short text. */
export function Badge({ tone, title, children }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
