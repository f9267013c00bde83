import type { ManualEntryCode, PhotoCode, QaReasonCode } from '@pave/domain';

/** What to photograph at each step (presentation text). */
export const stepInstructions = {
  1: 'Photograph the VIN plate (bottom of the windshield or the driver’s door pillar) so all 17 characters are sharp.',
  2: 'Open the driver’s door and photograph the dashboard and the front seats.',
  3: 'Switch the ignition on and photograph the instrument cluster so the odometer reading is readable.',
  4: 'Stand back and photograph the whole left side of the vehicle, phone held sideways.',
  5: 'Photograph the whole front of the vehicle, phone held sideways.',
  6: 'Photograph a front tyre up close so the tread is visible.',
  7: 'Stand back and photograph the whole right side of the vehicle, phone held sideways.',
  8: 'Photograph the whole rear of the vehicle, phone held sideways.',
  9: 'Photograph the whole windshield from the front, showing any chips or cracks.',
  10: 'Stand at the front-left corner and photograph the front and the left side together.',
  11: 'Stand at the front-right corner and photograph the front and the right side together.',
  12: 'Stand at the rear-right corner and photograph the rear and the right side together.',
  13: 'Stand at the rear-left corner and photograph the rear and the left side together.',
} as const satisfies Record<PhotoCode, string>;

/** How to fix each QA rejection (presentation text). */
export const reasonAdvice = {
  wrong_view: 'This looks like another step’s photo. Check the instruction and photograph this view.',
  blurry: 'Hold the phone steady and tap the screen to focus before taking the photo.',
  too_dark: 'Find more light or switch the flash on.',
  too_bright: 'Avoid direct sunlight and reflections: step a little to one side.',
  low_resolution: 'Use the main camera at full resolution.',
  wrong_orientation: 'Turn the phone sideways (landscape).',
  skipped: 'This view was skipped.',
} as const satisfies Record<QaReasonCode, string>;

/** The manual-entry field of the steps that allow one. */
export const manualEntryText = {
  1: { field: 'VIN (17 characters)', offer: 'Type the VIN instead', save: 'Save VIN', saved: 'VIN saved.' },
  3: {
    field: 'Odometer reading',
    offer: 'Type the odometer reading instead',
    save: 'Save reading',
    saved: 'Odometer reading saved.',
  },
} as const satisfies Record<ManualEntryCode, { field: string; offer: string; save: string; saved: string }>;

/** A readable title of each step (presentation text). */
export const stepTitles = {
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
} as const satisfies Record<PhotoCode, string>;
