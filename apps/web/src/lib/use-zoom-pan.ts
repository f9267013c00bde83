import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { fittedView, panBy, zoomAbout, zoomStep, type BoxSize, type ZoomView } from './zoom-pan.js';

/** What the buttons and keys of a zoomable image do. */
export type ZoomActions = {
  zoomIn: () => void;
  zoomOut: () => void;
  reset: () => void;
  /** Moves the zoomed image by (dx, dy) CSS pixels. */
  pan: (dx: number, dy: number) => void;
};

/** What {@link useZoomPan} gives a viewer: the view, its actions, and what to attach to the viewport and image. */
export type ZoomPan = {
  view: ZoomView;
  actions: ZoomActions;
  /** The element that takes the wheel, drags and pinches; the image sits in its centre. */
  viewportRef: RefObject<HTMLDivElement | null>;
  /** The image: its untransformed size bounds the panning. */
  imageRef: RefObject<HTMLImageElement | null>;
  pointerHandlers: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  };
};

type Point = { x: number; y: number };

const middle = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

// a mouse wheel's notch (deltaY 100 px) zooms by about 1.2; a trackpad's many small deltas add up smoothly
function wheelFactor(event: WheelEvent): number {
  const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 40 : event.deltaY;
  return zoomStep ** (-pixels / 200);
}

/**
 * Zoom and pan of one image: buttons and keys (through the returned actions), the wheel, a drag with one pointer and a
 * pinch with two. The view starts fitted again whenever `resetKey` changes (another photo).
 */
export function useZoomPan(resetKey: string): ZoomPan {
  const [state, setState] = useState<{ key: string; view: ZoomView }>({ key: resetKey, view: fittedView });
  const view = state.key === resetKey ? state.view : fittedView;
  const viewportRef = useRef<HTMLDivElement>(null);
  const imageRef = useRef<HTMLImageElement>(null);
  const pointers = useRef(new Map<number, Point>());

  const update = (change: (view: ZoomView, box: BoxSize) => ZoomView) => {
    const image = imageRef.current;
    const box = { width: image?.offsetWidth ?? 0, height: image?.offsetHeight ?? 0 };
    setState((previous) => ({
      key: resetKey,
      view: change(previous.key === resetKey ? previous.view : fittedView, box),
    }));
  };
  const fromCentre = (point: Point): Point => {
    const rect = viewportRef.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return { x: point.x - (rect.left + rect.width / 2), y: point.y - (rect.top + rect.height / 2) };
  };
  const latest = useRef({ update, fromCentre });
  useEffect(() => {
    latest.current = { update, fromCentre };
  });

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return undefined;
    // React's own wheel listener is passive; this one must be able to keep the page from scrolling
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const point = latest.current.fromCentre({ x: event.clientX, y: event.clientY });
      latest.current.update((current, box) => zoomAbout(current, wheelFactor(event), point, box));
    };
    viewport.addEventListener('wheel', onWheel, { passive: false });
    return () => viewport.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const previous = pointers.current.get(event.pointerId);
    if (!previous) return;
    const next = { x: event.clientX, y: event.clientY };
    const others = [...pointers.current].filter(([id]) => id !== event.pointerId).map(([, point]) => point);
    pointers.current.set(event.pointerId, next);
    const [other] = others;
    if (other === undefined) {
      update((current, box) => panBy(current, next.x - previous.x, next.y - previous.y, box));
      return;
    }
    const before = distance(previous, other);
    if (before === 0) return;
    const centre = fromCentre(middle(next, other));
    update((current, box) => zoomAbout(current, distance(next, other) / before, centre, box));
  };
  const release = (event: PointerEvent<HTMLElement>) => {
    pointers.current.delete(event.pointerId);
  };

  return {
    view,
    actions: {
      zoomIn: () => update((current, box) => zoomAbout(current, zoomStep, { x: 0, y: 0 }, box)),
      zoomOut: () => update((current, box) => zoomAbout(current, 1 / zoomStep, { x: 0, y: 0 }, box)),
      reset: () => update(() => fittedView),
      pan: (dx, dy) => update((current, box) => panBy(current, dx, dy, box)),
    },
    viewportRef,
    imageRef,
    pointerHandlers: {
      onPointerDown: (event) => {
        if (pointers.current.size >= 2) return;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      },
      onPointerMove,
      onPointerUp: release,
      onPointerCancel: release,
    },
  };
}
