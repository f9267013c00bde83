import { findPreCheckProblem, type Pixels } from './pre-check.js';

function frame(width: number, height: number, shade: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const value = shade(x, y);
      data.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

// a sharp checkerboard of 8-px squares, between two grey levels
const checker = (low: number, high: number) => (x: number, y: number) =>
  (Math.floor(x / 8) + Math.floor(y / 8)) % 2 === 0 ? low : high;

describe('findPreCheckProblem', () => {
  it('passes a bright, sharp landscape frame', () => {
    expect(findPreCheckProblem(frame(256, 160, checker(60, 200)), true)).toBeNull();
  });

  it('finds an upright frame where the view needs landscape, and lets it be elsewhere', () => {
    expect(findPreCheckProblem(frame(160, 256, checker(60, 200)), true)).toBe('portrait');
    expect(findPreCheckProblem(frame(160, 256, checker(60, 200)), false)).toBeNull();
  });

  it('finds a frame too dark even where it has edges', () => {
    expect(findPreCheckProblem(frame(256, 160, checker(5, 30)), true)).toBe('too_dark');
  });

  it('finds a frame without a sharp edge (a smooth gradient) blurry', () => {
    expect(
      findPreCheckProblem(
        frame(256, 160, (x) => 80 + x / 4),
        true,
      ),
    ).toBe('blurry');
  });
});
