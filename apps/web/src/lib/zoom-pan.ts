/** How a zoomable image is shown: its scale (1 = fitted) and its offset from the centre, in CSS pixels. */
export type ZoomView = { readonly scale: number; readonly x: number; readonly y: number };

/** A size in CSS pixels (the fitted image's box, before any zoom). */
export type BoxSize = { readonly width: number; readonly height: number };

/** The fitted view: the whole image, centred. */
export const fittedView: ZoomView = { scale: 1, x: 0, y: 0 };

/** The largest zoom, eight times the fitted size. */
export const maxScale = 8;

/** One zoom step of the buttons, the keys and the wheel. */
export const zoomStep = 1.5;

/** How far an arrow key pans, in CSS pixels. */
export const panStep = 60;

const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value));

/** The view with its offset held so that the zoomed image always covers the middle of its box (no empty side). */
export function clampView(view: ZoomView, box: BoxSize): ZoomView {
  const scale = Math.min(maxScale, Math.max(1, view.scale));
  if (scale === 1) return fittedView;
  const x = clamp(view.x, ((scale - 1) * box.width) / 2);
  const y = clamp(view.y, ((scale - 1) * box.height) / 2);
  return { scale, x: x === 0 ? 0 : x, y: y === 0 ? 0 : y };
}

/**
 * Zooms by `factor` about a point given from the box's centre (the pointer, the pinch's middle; the centre itself for
 * keys and buttons): that point of the image stays where it is.
 */
export function zoomAbout(view: ZoomView, factor: number, point: { x: number; y: number }, box: BoxSize): ZoomView {
  const scale = Math.min(maxScale, Math.max(1, view.scale * factor));
  const ratio = scale / view.scale;
  return clampView({ scale, x: point.x - (point.x - view.x) * ratio, y: point.y - (point.y - view.y) * ratio }, box);
}

/** Moves the zoomed image by (dx, dy) CSS pixels; a fitted image does not move. */
export function panBy(view: ZoomView, dx: number, dy: number, box: BoxSize): ZoomView {
  return clampView({ scale: view.scale, x: view.x + dx, y: view.y + dy }, box);
}
