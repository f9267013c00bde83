import { type QaReasonCode as AnyQaReasonCode, qaReasons } from '@pave/domain';
import { type ImageMeasures } from './measure-image.js';
import { hammingDistance } from './perceptual-hash.js';
import { type QaSettings } from './qa-settings.js';

/** The stable code of a QA rejection (contract section 4); `skipped` is not an image-QA outcome. */
export type QaReasonCode = Exclude<AnyQaReasonCode, 'skipped'>;

/** A QA rejection reason exactly as the contract spells it (`qaReasons` of @pave/domain). */
export type QaReason = (typeof qaReasons)[QaReasonCode];

/** The perceptual hash of the latest photo of another capture step of the same session. */
export type StepHash = { photoCode: number; phash: string };

/** What {@link judgeImage} needs: the measures, the step, and the hashes of the session's other photos. */
export type JudgeInput = {
  measures: ImageMeasures;
  photoCode: number;
  /** Whether the step is one of the exterior views, which must be landscape. */
  exterior: boolean;
  /** Hashes of the session's photos; those of `photoCode` itself (retakes) are ignored. */
  otherStepHashes: readonly StepHash[];
};

/** The closest photo of another step: the evidence behind (or against) Wrong View. */
export type NearestStep = { photoCode: number; hammingDistance: number };

/** A verdict: no reason (accepted) or the first failed check, always with every measure. */
export type QaVerdict = ({ reason: null; reasonCode: null } | { reason: QaReason; reasonCode: QaReasonCode }) & {
  measures: ImageMeasures;
  /** The closest photo of another step (null when there is none), shown to reviewers as Wrong View's evidence. */
  nearestOtherStep: NearestStep | null;
};

function findNearestOtherStep(input: JudgeInput): NearestStep | null {
  let nearest: NearestStep | null = null;
  for (const other of input.otherStepHashes) {
    if (other.photoCode === input.photoCode) continue;
    const distance = hammingDistance(input.measures.phash, other.phash);
    if (nearest === null || distance < nearest.hammingDistance) {
      nearest = { photoCode: other.photoCode, hammingDistance: distance };
    }
  }
  return nearest;
}

type CheckContext = { input: JudgeInput; nearest: NearestStep | null; settings: QaSettings };

type Check = (context: CheckContext) => boolean;

/** One rule per reason; every reason must have one (a missing key fails to compile). */
const checks = {
  low_resolution: ({ input: { measures: m }, settings: s }) =>
    Math.max(m.width, m.height) < s.minLongSide || Math.min(m.width, m.height) < s.minShortSide,
  wrong_orientation: ({ input }) => input.exterior && input.measures.height > input.measures.width,
  too_dark: ({ input: { measures: m }, settings: s }) => m.meanLuma < s.darkMeanLuma || m.p95Luma < s.darkP95Luma,
  too_bright: ({ input: { measures: m }, settings: s }) =>
    m.meanLuma > s.brightMeanLuma || m.brightShare > s.brightShareMax,
  blurry: ({ input: { measures: m }, settings: s }) => m.laplacianVariance < s.blurVarianceMin,
  wrong_view: ({ nearest, settings: s }) => nearest !== null && nearest.hammingDistance <= s.duplicateMaxHamming,
} satisfies Record<QaReasonCode, Check>;

/** The order checks are applied in; the first that holds is the verdict. */
const checkOrder = [
  'low_resolution',
  'wrong_orientation',
  'too_dark',
  'too_bright',
  'blurry',
  'wrong_view',
] as const satisfies readonly QaReasonCode[];

// compile-time: checkOrder lists every reason
const everyReasonOrdered: Exclude<QaReasonCode, (typeof checkOrder)[number]> extends never ? true : never = true;
void everyReasonOrdered;

/**
 * Judges one photo from its measures: Low Resolution, Wrong Orientation (portrait on an exterior step),
 * Too Dark, Too Bright, Blurry Image, then Wrong View (a near-duplicate of another step's photo), in that
 * order. Pure; throws only if a hash is malformed (a bug).
 */
export function judgeImage(input: JudgeInput, settings: QaSettings): QaVerdict {
  const context: CheckContext = { input, nearest: findNearestOtherStep(input), settings };
  const reasonCode = checkOrder.find((code) => checks[code](context));
  const base = { measures: input.measures, nearestOtherStep: context.nearest };
  if (reasonCode === undefined) return { ...base, reason: null, reasonCode: null };
  return { ...base, reasonCode, reason: qaReasons[reasonCode] };
}
