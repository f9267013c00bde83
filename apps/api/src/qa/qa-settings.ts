import { uploadLongSide } from '@pave/domain';

/**
 * Every threshold of image processing and QA, by name. Each one says which measure it applies to and in
 * what unit; the measures are defined in `measure-image.ts`, the rules in `judge-image.ts`.
 */
export type QaSettings = {
  /** Largest accepted upload, in bytes of the encoded file (default 20 MiB); larger is refused as `too_large`. */
  readonly maxInputBytes: number;
  /**
   * Largest accepted image, in pixels (width x height as declared in the file header); larger is refused
   * as `too_many_pixels` before any pixel is decoded (libvips `limitInputPixels`), so bombs cost nothing.
   */
  readonly maxPixels: number;
  /**
   * Largest accepted progressive JPEG, in pixels: its decoder holds every coefficient of the image and decodes it
   * whole (a 50 MP one costs seconds and hundreds of MB). Phones and the capture app send baseline JPEGs.
   */
  readonly maxProgressivePixels: number;
  /** Largest accepted PNG, WebP or AVIF, in pixels: their decoders have no cheap reduced-scale decode. */
  readonly maxCostlyPixels: number;
  /** Longest any one decoder pipeline may run on an upload, in seconds; past it the upload is refused (`too_costly`). */
  readonly decodeTimeoutSeconds: number;
  /** Low Resolution below this many pixels on the long side (after EXIF orientation). */
  readonly minLongSide: number;
  /** Low Resolution below this many pixels on the short side (after EXIF orientation). */
  readonly minShortSide: number;
  /** Too Dark when `meanLuma` (0..255) is below this. */
  readonly darkMeanLuma: number;
  /** Too Dark also when `p95Luma` (0..255) is below this: not even the brightest 5% reach a mid-tone. */
  readonly darkP95Luma: number;
  /** Too Bright when `meanLuma` (0..255) is above this. */
  readonly brightMeanLuma: number;
  /** Too Bright also when `brightShare` (share 0..1 of pixels with luma >= 250, clipped highlights) is above this. */
  readonly brightShareMax: number;
  /**
   * Blurry Image when `laplacianVariance` (luma², on the analysis raster) is below this. Calibrated for
   * `analysisLongSide` on synthetic scenes only (sharp: 330..590; Gaussian blur of sigma 2 px at 800 px
   * wide: about 37); change one setting and the other must be calibrated again.
   */
  readonly blurVarianceMin: number;
  /**
   * Wrong View when the `phash` of another step's photo is at most this many bits (of 64) away. Measured:
   * a resized, re-encoded copy is 0..2 bits away, different synthetic scenes at least 16.
   */
  readonly duplicateMaxHamming: number;
  /** Long side, in pixels, of the greyscale analysis raster every measure is taken on. */
  readonly analysisLongSide: number;
  /** Width of the stored thumbnail, in pixels (never enlarged). */
  readonly thumbnailWidth: number;
  /** Long side, in pixels, of the stored JPEG (never enlarged). */
  readonly storedLongSide: number;
  /** libjpeg quality (1..100) of the stored JPEG. */
  readonly storedJpegQuality: number;
  /** libjpeg quality (1..100) of the thumbnail. */
  readonly thumbnailJpegQuality: number;
};

/** The thresholds the server uses unless configured otherwise (README.md explains each check). */
export const defaultQaSettings: QaSettings = {
  maxInputBytes: 20 * 1024 * 1024,
  maxPixels: 50_000_000,
  maxProgressivePixels: 16_000_000,
  maxCostlyPixels: 25_000_000,
  decodeTimeoutSeconds: 10,
  minLongSide: 640,
  minShortSide: 480,
  darkMeanLuma: 45,
  darkP95Luma: 80,
  brightMeanLuma: 215,
  brightShareMax: 0.3,
  blurVarianceMin: 60,
  duplicateMaxHamming: 8,
  analysisLongSide: 512,
  thumbnailWidth: 320,
  storedLongSide: uploadLongSide,
  storedJpegQuality: 85,
  thumbnailJpegQuality: 75,
};
