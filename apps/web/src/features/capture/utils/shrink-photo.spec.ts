import { shrinkPhoto, shrunkSize } from './shrink-photo.js';

describe('shrunkSize', () => {
  it.each([
    [
      { width: 4000, height: 3000 },
      { width: 2560, height: 1920 },
    ],
    [
      { width: 3000, height: 4000 },
      { width: 1920, height: 2560 },
    ],
    [
      { width: 4032, height: 3024 },
      { width: 2560, height: 1920 },
    ],
    [
      { width: 10000, height: 10 },
      { width: 2560, height: 3 },
    ],
    [
      { width: 2561, height: 1 },
      { width: 2560, height: 1 },
    ],
  ])('brings %o down to %o', (size, expected) => {
    expect(shrunkSize(size, 2560)).toEqual(expected);
  });

  it.each([
    { width: 2560, height: 1920 },
    { width: 800, height: 600 },
    { width: 0, height: 0 },
  ])('keeps %o as it is', (size) => {
    expect(shrunkSize(size, 2560)).toBeNull();
  });
});

describe('shrinkPhoto', () => {
  const photo = new Blob(['original bytes'], { type: 'image/jpeg' });
  const jpeg = new Blob(['scaled jpeg'], { type: 'image/jpeg' });
  const drawn: unknown[][] = [];
  let closed = 0;

  /** This browser decodes every photo as `size`; its canvas encodes `jpeg` (jsdom has neither). */
  function fakeBrowser(size: { width: number; height: number } | Error): void {
    globalThis.createImageBitmap = jest.fn(() =>
      size instanceof Error ? Promise.reject(size) : Promise.resolve({ ...size, close: () => (closed += 1) }),
    ) as unknown as typeof createImageBitmap;
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(
        () => ({ drawImage: (...args: unknown[]) => drawn.push(args) }) as unknown as CanvasRenderingContext2D,
      );
    jest.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, done) {
      done(jpeg);
    });
  }

  afterEach(() => {
    jest.restoreAllMocks();
    Reflect.deleteProperty(globalThis, 'createImageBitmap');
    drawn.length = 0;
    closed = 0;
  });

  it('sends the photo as it was taken where the browser cannot decode images itself', async () => {
    expect(await shrinkPhoto(photo)).toBe(photo);
  });

  it('scales a 12 MP photo down to 2560 px on its long side, upright, as a JPEG', async () => {
    fakeBrowser({ width: 4000, height: 3000 });

    expect(await shrinkPhoto(photo)).toBe(jpeg);
    expect(createImageBitmap).toHaveBeenCalledWith(photo, { imageOrientation: 'from-image' });
    expect(drawn).toEqual([[expect.anything(), 0, 0, 2560, 1920]]);
    expect(closed).toBe(1);
  });

  it('sends a photo that already fits as it was taken', async () => {
    fakeBrowser({ width: 1024, height: 768 });

    expect(await shrinkPhoto(photo)).toBe(photo);
    expect([drawn, closed]).toEqual([[], 1]);
  });

  it('turns a photo the server cannot read (HEIC) into a JPEG of its own size when this browser can read it', async () => {
    fakeBrowser({ width: 1600, height: 1200 });

    expect(await shrinkPhoto(new Blob(['heic bytes'], { type: 'image/heic' }))).toBe(jpeg);
    expect(drawn).toEqual([[expect.anything(), 0, 0, 1600, 1200]]);
  });

  it('sends the photo as it was taken when this browser cannot decode it (the server then says why)', async () => {
    fakeBrowser(new Error('The source image could not be decoded.'));

    expect(await shrinkPhoto(photo)).toBe(photo);
  });
});
