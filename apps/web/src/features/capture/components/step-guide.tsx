import type { PhotoCode } from '@pave/domain';

// Outlines drawn on a 160×90 landscape frame: a car seen from the side, front, rear and three-quarters, and framing
// guides for the close-ups. Kept to a few paths so the capture app stays light.
const side =
  'M12 62 L20 44 L52 40 L70 24 L112 24 L130 40 L148 46 L150 62 Z M30 62 a10 10 0 1 0 20 0 M112 62 a10 10 0 1 0 20 0';
const front =
  'M34 66 L36 40 L50 22 L110 22 L124 40 L126 66 Z M46 46 h16 M98 46 h16 M40 66 v8 h14 v-8 M106 66 v8 h14 v-8';
const corner =
  'M14 62 L20 44 L44 40 L60 24 L100 24 L116 40 L138 42 L146 48 L146 64 Z M30 62 a9 9 0 1 0 18 0 M104 62 a9 9 0 1 0 18 0 M124 48 h14';
const guides = {
  1: 'M24 34 h112 v22 h-112 Z M32 45 h96',
  2: 'M20 70 Q80 20 140 70 M62 58 a18 18 0 1 0 36 0 a18 18 0 1 0 -36 0',
  3: 'M30 45 a22 22 0 1 0 44 0 a22 22 0 1 0 -44 0 M86 45 a22 22 0 1 0 44 0 a22 22 0 1 0 -44 0 M52 45 l12 -10 M108 45 l12 -10',
  4: side,
  5: front,
  6: 'M50 45 a30 30 0 1 0 60 0 a30 30 0 1 0 -60 0 M62 45 a18 18 0 1 0 36 0 a18 18 0 1 0 -36 0',
  7: side,
  8: front,
  9: 'M22 72 L42 18 L118 18 L138 72 Z',
  10: corner,
  11: corner,
  12: corner,
  13: corner,
} as const satisfies Record<PhotoCode, string>;

// the right side and the right-hand corners are the left ones mirrored
const mirrored = new Set<PhotoCode>([7, 11, 12]);

/** Props of {@link StepGuide}. */
export type StepGuideProps = { photoCode: PhotoCode; className: string };

/** The outline of what a step's photo should show: a silhouette of the car, or a framing guide for a close-up. */
export function StepGuide({ photoCode, className }: StepGuideProps) {
  return (
    <svg className={className} viewBox="0 0 160 90" aria-hidden="true" focusable="false">
      <path
        d={guides[photoCode]}
        transform={mirrored.has(photoCode) ? 'matrix(-1 0 0 1 160 0)' : undefined}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
