import { captureOrder, photoLabelOf, type PhotoCode } from '@pave/domain';

/** Each step's title on the phone (the capture app's own words), by photo code. */
export const phoneStepTitles: Readonly<Record<PhotoCode, string>> = {
  1: 'VIN',
  2: 'Interior',
  3: 'Odometer (instrument cluster)',
  4: 'Left side',
  5: 'Front',
  6: 'Tyres',
  7: 'Right side',
  8: 'Rear',
  9: 'Windshield',
  10: 'Front left corner',
  11: 'Front right corner',
  12: 'Rear right corner',
  13: 'Rear left corner',
};

/** One step as both pages name it: its number in capture order, its code, the phone's title, the review's label. */
export type PhoneStep = {
  readonly step: number;
  readonly code: PhotoCode;
  readonly title: string;
  readonly label: string;
};

/** The 13 steps in capture order. */
export const phoneSteps: readonly PhoneStep[] = captureOrder.map((code, index) => ({
  step: index + 1,
  code,
  title: phoneStepTitles[code],
  label: photoLabelOf(code),
}));
