import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useZoomPan, type ZoomActions } from '../lib/use-zoom-pan.js';
import { maxScale, panStep, type ZoomView } from '../lib/zoom-pan.js';
import './lightbox.css';

/** One full-size photo in the {@link Lightbox}; `downloadName` is the file name "Download original" saves it as. */
export type LightboxItem = { key: string; src: string; alt: string; caption: string; downloadName: string };

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

/** The keys of a zoomed photo: +/− zoom, 0 fits, the arrows move the view instead of the photo. */
function zoomKeyActions(view: ZoomView, zoom: ZoomActions): Record<string, () => void> {
  const zoomed = view.scale > 1;
  return {
    '+': zoom.zoomIn,
    '=': zoom.zoomIn,
    '-': zoom.zoomOut,
    '0': zoom.reset,
    ...(zoomed
      ? {
          ArrowLeft: () => zoom.pan(panStep, 0),
          ArrowRight: () => zoom.pan(-panStep, 0),
          ArrowUp: () => zoom.pan(0, panStep),
          ArrowDown: () => zoom.pan(0, -panStep),
        }
      : {}),
  };
}

type ZoomBarProps = { view: ZoomView; zoom: ZoomActions; item: LightboxItem | undefined };

function ZoomBar({ view, zoom, item }: ZoomBarProps) {
  const { scale } = view;
  return (
    <div className="lightbox__zoom" role="group" aria-label="Zoom">
      <button type="button" className="button" onClick={zoom.zoomOut} disabled={scale <= 1}>
        <span aria-hidden="true">−</span> Zoom out
      </button>
      <span className="lightbox__scale">{Math.round(scale * 100)}%</span>
      <button type="button" className="button" onClick={zoom.zoomIn} disabled={scale >= maxScale}>
        <span aria-hidden="true">+</span> Zoom in
      </button>
      <button type="button" className="button" onClick={zoom.reset} disabled={scale <= 1}>
        Fit to screen
      </button>
      {item ? (
        <a className="button" href={item.src} download={item.downloadName}>
          Download original
        </a>
      ) : null}
    </div>
  );
}

/**
 * A modal viewer for full-size photos: arrows move (or pan a zoomed photo), +/−/0, the wheel, a pinch or the buttons
 * zoom, a drag pans; Escape closes, focus stays inside and returns to the opener.
 */
export function Lightbox({ items, currentKey, onChange, onClose }: LightboxProps) {
  const titleId = useId();
  const hintId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useFocusReturn(closeRef);
  const index = Math.max(
    0,
    items.findIndex((item) => item.key === currentKey),
  );
  const item = items[index];
  const { view, actions: zoom, viewportRef, imageRef, pointerHandlers } = useZoomPan(item?.key ?? '');
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
      ...zoomKeyActions(view, zoom),
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
        aria-describedby={hintId}
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
        <ZoomBar view={view} zoom={zoom} item={item} />
        <p id={hintId} className="lightbox__hint">
          Zoom with + and −, the wheel or a pinch; drag or use the arrow keys to move a zoomed photo; 0 fits it again.
        </p>
        <div
          ref={viewportRef}
          className={view.scale > 1 ? 'lightbox__viewport lightbox__viewport--zoomed' : 'lightbox__viewport'}
          {...pointerHandlers}
        >
          {item ? (
            <img
              ref={imageRef}
              className="lightbox__image"
              src={item.src}
              alt={item.alt}
              draggable={false}
              style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
            />
          ) : null}
        </div>
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
