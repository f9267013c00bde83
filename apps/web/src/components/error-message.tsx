import type { ReactNode } from 'react';

/** Props of {@link ErrorMessage}. */
export type ErrorMessageProps = {
  title?: string;
  children: ReactNode;
  /** When given, a button to try again. */
  onRetry?: (() => void) | undefined;
  retryLabel?: string;
};

/** An error announced to assistive technology, with an optional retry button. */
export function ErrorMessage({ title, children, onRetry, retryLabel = 'Try again' }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      {title ? <p className="error-message__title">{title}</p> : null}
      <p>{children}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
