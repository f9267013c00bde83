import type { PhotoCode } from './photo-code.js';

const names = {
  1: 'VIN',
  2: 'Interior',
  3: 'Odometer',
  4: 'Left side',
  5: 'Front',
  6: 'Tires',
  7: 'Right side',
  8: 'Rear',
  9: 'Windshield',
  10: 'Front left',
  11: 'Front right',
  12: 'Rear right',
  13: 'Rear left',
} as const satisfies Record<PhotoCode, string>;

/**
 * A step's name for people (`photoNameOf(10) === 'Front left'`): the one human vocabulary of the review pages, their
 * announcements and reports' captions. Wire labels (`Front_Left`) stay on the wire and in raw JSON views.
 */
export function photoNameOf(code: PhotoCode): string {
  return names[code];
}
