import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import './lightbox.css';

/** One full-size photo in the {@link Lightbox}. */
export type LightboxItem = { key: string; src: string; alt: string; caption: string };

/** Props of {@link Lightbox}. */
export type LightboxProps = {
  items: readonly LightboxItem[];
  /** The shown item's key; kept by key so a list that grows while open does not jump. */
  currentKey: string;
  onChange: (key: string) => void;
  onClose: () => void;
};

const focusableSelector = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

function trapTab(event: KeyboardEvent<HTMLDivElement>): void {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(focusableSelector)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

function useFocusReturn(initialFocus: RefObject<HTMLButtonElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement;
    initialFocus.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [initialFocus]);
}

/** A modal viewer for full-size photos: arrows move, Escape closes, focus stays inside and returns to the opener. */
export function Lightbox({ items, currentKey, onChange, onClose }: LightboxProps) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useFocusReturn(closeRef);
  const index = Math.max(
    0,
    items.findIndex((item) => item.key === currentKey),
  );
  const item = items[index];
  const step = (delta: number) => {
    const next = items[(index + delta + items.length) % items.length];
    if (next) onChange(next.key);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const actions: Record<string, () => void> = {
      Escape: onClose,
      ArrowLeft: () => step(-1),
      ArrowRight: () => step(1),
      Tab: () => trapTab(event),
    };
    const action = actions[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    action();
  };
  return (
    <div className="lightbox" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby={titleId}
        className="lightbox__dialog"
        onKeyDown={onKeyDown}
      >
        <div className="lightbox__bar">
          <h2 id={titleId} className="lightbox__title">
            {item ? item.caption : 'No photo'}
          </h2>
          <p className="lightbox__count">
            Photo {index + 1} of {items.length}
          </p>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
        {item ? <img className="lightbox__image" src={item.src} alt={item.alt} /> : null}
        <div className="lightbox__nav">
          <button type="button" className="button" onClick={() => step(-1)} disabled={items.length < 2}>
            <span aria-hidden="true">←</span> Previous photo
          </button>
          <button type="button" className="button" onClick={() => step(1)} disabled={items.length < 2}>
            Next photo <span aria-hidden="true">→</span>
          </button>
        </div>
      </div>
    </div>
  );
}
