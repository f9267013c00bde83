import * as z from 'zod/mini';

/** A photo's code on the wire: an integer from 1 to 13. */
export const PhotoCode = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
export type PhotoCode = z.infer<typeof PhotoCode>;

/** A photo's label on the wire; each label belongs to exactly one code. */
export const PhotoLabel = z.enum([
  'VIN',
  'Interior',
  'Cluster',
  'Left',
  'Front',
  'Tires',
  'Right',
  'Rear',
  'Windshield',
  'Front_Left',
  'Front_Right',
  'Rear_Right',
  'Rear_Left',
]);
export type PhotoLabel = z.infer<typeof PhotoLabel>;

/** How a step's `url` may be null (contract section 2). */
export type Nullability = 'never' | 'manual_default_image' | 'exterior_optional';

const labels = {
  1: 'VIN',
  2: 'Interior',
  3: 'Cluster',
  4: 'Left',
  5: 'Front',
  6: 'Tires',
  7: 'Right',
  8: 'Rear',
  9: 'Windshield',
  10: 'Front_Left',
  11: 'Front_Right',
  12: 'Rear_Right',
  13: 'Rear_Left',
} as const satisfies Record<PhotoCode, PhotoLabel>;

const codesByLabel = Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, Number(code)])) as Record<
  PhotoLabel,
  PhotoCode
>;

/** The label of a photo code (`photoLabelOf(10) === 'Front_Left'`). */
export function photoLabelOf(code: PhotoCode): PhotoLabel {
  return labels[code];
}

/** The photo code of a label (`photoCodeOf('Front_Left') === 10`). */
export function photoCodeOf(label: PhotoLabel): PhotoCode {
  return codesByLabel[label];
}

/** The photo codes in the order the capture flow asks for them (step 1 first). */
export const captureOrder = [1, 2, 3, 4, 10, 5, 11, 7, 12, 8, 13, 9, 6] as const satisfies readonly PhotoCode[];

/** The codes whose latest attempt must be accepted for a capture to be complete: VIN, Interior, Cluster, Windshield, Tires. */
export const neededCodes = [1, 2, 3, 9, 6] as const satisfies readonly PhotoCode[];

/** The eight exterior views: each may end skipped or rejected once every needed image is accepted. */
export const exteriorCodes = [4, 10, 5, 11, 7, 12, 8, 13] as const satisfies readonly PhotoCode[];

/** The codes that may be typed in instead of photographed (VIN, odometer on the Cluster step). */
export const manualEntryCodes = [1, 3] as const satisfies readonly PhotoCode[];
export type ManualEntryCode = (typeof manualEntryCodes)[number];

const exteriorSet: ReadonlySet<PhotoCode> = new Set(exteriorCodes);
const manualSet: ReadonlySet<PhotoCode> = new Set(manualEntryCodes);

/** True for the eight exterior views (Left … Rear_Left). */
export function isExteriorCode(code: PhotoCode): boolean {
  return exteriorSet.has(code);
}

/** True for VIN and Cluster, the steps that accept a typed value instead of a photo. */
export function isManualEntryCode(code: PhotoCode): code is ManualEntryCode {
  return manualSet.has(code);
}

/** May a wire `url` of this code be null? Only for exterior views (a skip). */
export function isUrlNullable(code: PhotoCode): boolean {
  return isExteriorCode(code);
}

/** One step of the capture flow. */
export type CaptureStep = {
  readonly step: number;
  readonly photoCode: PhotoCode;
  readonly photoLabel: PhotoLabel;
  readonly nullability: Nullability;
  readonly needed: boolean;
  readonly exterior: boolean;
};

function nullabilityOf(code: PhotoCode): Nullability {
  if (isExteriorCode(code)) return 'exterior_optional';
  return isManualEntryCode(code) ? 'manual_default_image' : 'never';
}

/** The 13 capture steps in capture order, each with its number, code, label and nullability rule. */
export const captureSteps: readonly CaptureStep[] = captureOrder.map((photoCode, index) => ({
  step: index + 1,
  photoCode,
  photoLabel: photoLabelOf(photoCode),
  nullability: nullabilityOf(photoCode),
  needed: !isExteriorCode(photoCode),
  exterior: isExteriorCode(photoCode),
}));

/** The capture step of a photo code. */
export function captureStepOf(code: PhotoCode): CaptureStep {
  const step = captureSteps.find((s) => s.photoCode === code);
  if (!step) throw new Error(`invariant: every photo code has a capture step (${code})`);
  return step;
}
