import { isExteriorCode, type PhotoCode, type QaMeasures, type Result } from '@pave/domain';
import { decodeImage, type DecodeError, type EncodedJpeg } from '../qa/decode-image.js';
import { judgeImage, type QaVerdict, type StepHash } from '../qa/judge-image.js';
import { measureImage } from '../qa/measure-image.js';
import type { QaSettings } from '../qa/qa-settings.js';
import type { AttemptVerdict } from '../storage/repository.js';

/** What image QA made of an upload: the files to store, the verdict, and the evidence behind it. */
export type JudgedUpload = {
  readonly jpeg: EncodedJpeg;
  readonly thumbnail: EncodedJpeg;
  readonly verdict: AttemptVerdict;
  /** Measures, the nearest other step, and the thresholds they were compared with (stored as `qa_measures`). */
  readonly qaMeasures: NonNullable<QaMeasures>;
};

/** What to judge an upload against. */
export type JudgeUploadInput = {
  readonly bytes: Buffer;
  readonly photoCode: PhotoCode;
  /** The perceptual hashes of the latest photos of the session's other steps (Wrong View). */
  readonly otherStepHashes: readonly StepHash[];
  readonly settings: QaSettings;
};

/** The thresholds each check compares a measure with, stored beside the measures so a verdict can be re-read. */
function thresholdsOf(settings: QaSettings): Record<string, number> {
  const { minLongSide, minShortSide, darkMeanLuma, darkP95Luma, brightMeanLuma, brightShareMax } = settings;
  const { blurVarianceMin, duplicateMaxHamming } = settings;
  return {
    minLongSide,
    minShortSide,
    darkMeanLuma,
    darkP95Luma,
    brightMeanLuma,
    brightShareMax,
    blurVarianceMin,
    duplicateMaxHamming,
  };
}

/** The flat record stored as `qa_measures` (the wire type allows numbers, strings and booleans only). */
export function toQaMeasures(
  verdict: QaVerdict,
  upload: { format: string; bytes: number; originalWidth: number; originalHeight: number },
  settings: QaSettings,
): NonNullable<QaMeasures> {
  const nearest = verdict.nearestOtherStep;
  return {
    ...verdict.measures,
    ...upload,
    ...(nearest ? { nearestOtherStepCode: nearest.photoCode, nearestOtherStepDistance: nearest.hammingDistance } : {}),
    ...thresholdsOf(settings),
  };
}

/**
 * Decodes an upload (refusing what is not an image, too large or too many pixels: nothing is stored for those),
 * measures it and judges it for its step. The caller bounds how many run at once: each holds a decoded image.
 */
export async function judgeUpload(input: JudgeUploadInput): Promise<Result<JudgedUpload, DecodeError>> {
  const decoded = await decodeImage(input.bytes, input.settings);
  if (!decoded.ok) return decoded;
  const image = decoded.value;
  const verdict = judgeImage(
    {
      measures: measureImage(image.raster),
      photoCode: input.photoCode,
      exterior: isExteriorCode(input.photoCode),
      otherStepHashes: input.otherStepHashes,
    },
    input.settings,
  );
  const upload = {
    format: image.format,
    bytes: input.bytes.length,
    originalWidth: image.originalWidth,
    originalHeight: image.originalHeight,
  };
  return {
    ok: true,
    value: {
      jpeg: image.jpeg,
      thumbnail: image.thumbnail,
      verdict: verdict.reasonCode === null ? { approved: true } : { approved: false, reason: verdict.reasonCode },
      qaMeasures: toQaMeasures(verdict, upload, input.settings),
    },
  };
}
