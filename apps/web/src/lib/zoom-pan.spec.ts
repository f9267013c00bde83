import { clampView, fittedView, maxScale, panBy, zoomAbout } from './zoom-pan.js';

const box = { width: 400, height: 300 };

describe('zoom and pan', () => {
  it('keeps the point under the pointer where it is while zooming', () => {
    const zoomed = zoomAbout(fittedView, 2, { x: 100, y: 50 }, box);

    // the image point under (100, 50) was 100 px right of the centre at scale 1: 200 px at scale 2, shifted back
    expect(zoomed).toEqual({ scale: 2, x: -100, y: -50 });
  });

  it('never zooms out past the fitted view, nor in past the largest zoom', () => {
    expect(zoomAbout(fittedView, 0.5, { x: 0, y: 0 }, box)).toEqual(fittedView);
    expect(zoomAbout({ scale: 6, x: 0, y: 0 }, 4, { x: 0, y: 0 }, box).scale).toBe(maxScale);
  });

  it('pans a zoomed image only as far as its edge', () => {
    const zoomed = { scale: 2, x: 0, y: 0 };

    expect(panBy(zoomed, 50, -20, box)).toEqual({ scale: 2, x: 50, y: -20 });
    expect(panBy(zoomed, 1000, 1000, box)).toEqual({ scale: 2, x: 200, y: 150 });
    expect(panBy(zoomed, -1000, -1000, box)).toEqual({ scale: 2, x: -200, y: -150 });
  });

  it('does not move a fitted image', () => {
    expect(panBy(fittedView, 50, 50, box)).toEqual(fittedView);
  });

  it('centres the image again when zooming back out', () => {
    expect(clampView({ scale: 1.5, x: 200, y: 150 }, box)).toEqual({ scale: 1.5, x: 100, y: 75 });
  });
});
