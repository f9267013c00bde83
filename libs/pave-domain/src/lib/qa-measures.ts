import { isExteriorCode, PhotoCode, type PhotoCode as PhotoCodeType } from './photo-code.js';
import { photoNameOf } from './photo-names.js';
import type { QaMeasures } from './progress-wire.js';

/** The names of the measures and recorded thresholds the checks read from an attempt's `qa_measures`. */
type QaMeasureName =
  | 'width'
  | 'height'
  | 'meanLuma'
  | 'p95Luma'
  | 'brightShare'
  | 'laplacianVariance'
  | 'nearestOtherStepCode'
  | 'nearestOtherStepDistance'
  | 'minLongSide'
  | 'minShortSide'
  | 'darkMeanLuma'
  | 'darkP95Luma'
  | 'brightMeanLuma'
  | 'brightShareMax'
  | 'blurVarianceMin'
  | 'duplicateMaxHamming';

/**
 * One QA check of an attempt in plain words: `Brightness 11, needs 45` failed. `limit` and `passed` are null when
 * the attempt does not carry the threshold (then only the value is shown).
 */
export type QaCheck = {
  /** What was checked: "Brightness", "Long side", "Difference from Front left". */
  readonly label: string;
  /** The measured value as shown: "11", "42%", "2560 px", "portrait". */
  readonly value: string;
  /** What the check asks for: "needs 45", "at most 30%", "needs 45 to 215", "needs more than 8". */
  readonly limit: string | null;
  readonly passed: boolean | null;
  /** The whole line without the verdict: "Brightness 11, needs 45". */
  readonly text: string;
};

type Bound = { readonly threshold: QaMeasureName; readonly kind: 'min' | 'max' | 'above' };

type CheckRule = {
  readonly label: string;
  /** The measured number; undefined when the attempt lacks what it needs. */
  readonly value: (m: NumberOf) => number | undefined;
  readonly format: (value: number) => string;
  readonly bounds: readonly Bound[];
};

type NumberOf = (name: QaMeasureName) => number | undefined;

const plain = (value: number): string => String(Number(value.toFixed(1)));
const pixels = (value: number): string => `${plain(value)} px`;
const percent = (value: number): string => `${Number((value * 100).toFixed(1))}%`;

// plain functions, no call at the top level: a bundle that never reads QA measures leaves this module out
function longSideOf(m: NumberOf): number | undefined {
  const width = m('width');
  const height = m('height');
  return width === undefined || height === undefined ? undefined : Math.max(width, height);
}

function shortSideOf(m: NumberOf): number | undefined {
  const width = m('width');
  const height = m('height');
  return width === undefined || height === undefined ? undefined : Math.min(width, height);
}

/**
 * The checks of `judgeImage` (apps/api/src/qa), in its order, each with the measure and the recorded thresholds it
 * compares: `min` passes at or above the threshold, `max` at or below, `above` strictly above.
 */
const checkRules: readonly CheckRule[] = [
  { label: 'Long side', value: longSideOf, format: pixels, bounds: [{ threshold: 'minLongSide', kind: 'min' }] },
  {
    label: 'Short side',
    value: shortSideOf,
    format: pixels,
    bounds: [{ threshold: 'minShortSide', kind: 'min' }],
  },
  {
    label: 'Brightness',
    value: (m) => m('meanLuma'),
    format: plain,
    bounds: [
      { threshold: 'darkMeanLuma', kind: 'min' },
      { threshold: 'brightMeanLuma', kind: 'max' },
    ],
  },
  {
    label: 'Brightest tones',
    value: (m) => m('p95Luma'),
    format: plain,
    bounds: [{ threshold: 'darkP95Luma', kind: 'min' }],
  },
  {
    label: 'Clipped highlights',
    value: (m) => m('brightShare'),
    format: percent,
    bounds: [{ threshold: 'brightShareMax', kind: 'max' }],
  },
  {
    label: 'Sharpness',
    value: (m) => m('laplacianVariance'),
    format: plain,
    bounds: [{ threshold: 'blurVarianceMin', kind: 'min' }],
  },
];

function holds(value: number, limit: number, kind: Bound['kind']): boolean {
  if (kind === 'min') return value >= limit;
  if (kind === 'max') return value <= limit;
  return value > limit;
}

function limitText(bounds: readonly { bound: Bound; limit: string }[]): string {
  const min = bounds.find(({ bound }) => bound.kind === 'min');
  const max = bounds.find(({ bound }) => bound.kind === 'max');
  if (min && max) return `needs ${min.limit} to ${max.limit}`;
  if (min) return `needs ${min.limit}`;
  if (max) return `at most ${max.limit}`;
  return `needs more than ${bounds[0]?.limit ?? ''}`;
}

function buildCheck(label: string, value: string, bounds: readonly { bound: Bound; limit: string; ok: boolean }[]) {
  if (bounds.length === 0) return { label, value, limit: null, passed: null, text: `${label} ${value}` };
  const limit = limitText(bounds);
  return { label, value, limit, passed: bounds.every(({ ok }) => ok), text: `${label} ${value}, ${limit}` };
}

function applyRule(rule: CheckRule, m: NumberOf): QaCheck | null {
  const value = rule.value(m);
  if (value === undefined) return null;
  const bounds = rule.bounds.flatMap((bound) => {
    const limit = m(bound.threshold);
    return limit === undefined ? [] : [{ bound, limit: rule.format(limit), ok: holds(value, limit, bound.kind) }];
  });
  return buildCheck(rule.label, rule.format(value), bounds);
}

function orientationCheck(m: NumberOf, photoCode: PhotoCodeType): QaCheck | null {
  const width = m('width');
  const height = m('height');
  if (!isExteriorCode(photoCode) || width === undefined || height === undefined) return null;
  const value = height > width ? 'portrait' : 'landscape';
  return {
    label: 'Orientation',
    value,
    limit: 'needs landscape',
    passed: height <= width,
    text: `Orientation ${value}, needs landscape`,
  };
}

function repeatCheck(m: NumberOf): QaCheck | null {
  const code = PhotoCode.safeParse(m('nearestOtherStepCode'));
  const distance = m('nearestOtherStepDistance');
  if (!code.success || distance === undefined) return null;
  const bound: Bound = { threshold: 'duplicateMaxHamming', kind: 'above' };
  const limit = m(bound.threshold);
  const bounds = limit === undefined ? [] : [{ bound, limit: plain(limit), ok: holds(distance, limit, 'above') }];
  return buildCheck(`Difference from ${photoNameOf(code.data)}`, plain(distance), bounds);
}

/**
 * The QA checks of an attempt in plain words, in the order the server applies them (size, orientation, brightness,
 * clipped highlights, sharpness, difference from the other steps), each with the value measured, the threshold it
 * was judged against and whether it passed. Empty for attempts without measures (typed values, skips); a check whose
 * measure is missing is left out. Pure.
 */
export function qaChecksOf(measures: QaMeasures, photoCode: PhotoCodeType): QaCheck[] {
  if (measures === null) return [];
  const numberOf: NumberOf = (name) => {
    const value = measures[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const [longSide, shortSide, ...rest] = checkRules.map((rule) => applyRule(rule, numberOf));
  const checks = [longSide, shortSide, orientationCheck(numberOf, photoCode), ...rest, repeatCheck(numberOf)];
  return checks.filter((check): check is QaCheck => check != null);
}
