import fc from 'fast-check';
import { isExteriorCode, PhotoCode } from '@pave/domain';
import { qaChecksOf } from '@pave/domain/qa-checks';
import { toQaMeasures } from '../capture/judge-upload.js';
import { judgeImage } from './judge-image.js';
import { defaultQaSettings } from './qa-settings.js';

// The review page explains verdicts with @pave/domain's qaChecksOf over the stored qa_measures; it must agree with
// the verdict itself, or a reviewer would read "every check passed" on a rejected photo.
const upload = { format: 'jpeg', bytes: 1000, originalWidth: 1, originalHeight: 1 };
const hash = '9a3c5e7f10243b6d';

/** `hash` with its lowest `bits` bits flipped: that many bits away from it. */
function hashAt(bits: number): string {
  return (BigInt(`0x${hash}`) ^ ((1n << BigInt(bits)) - 1n)).toString(16).padStart(16, '0');
}

const rounded = (min: number, max: number, decimals: number) =>
  fc.double({ min, max, noNaN: true }).map((value) => Number(value.toFixed(decimals)));

// values around each default threshold, so that every check both passes and fails often
const measuresArbitrary = fc.record({
  width: fc.integer({ min: 400, max: 800 }),
  height: fc.integer({ min: 400, max: 800 }),
  meanLuma: fc.oneof(rounded(35, 55, 2), rounded(205, 225, 2), fc.constantFrom(45, 215)),
  p05Luma: fc.integer({ min: 0, max: 255 }),
  p95Luma: fc.integer({ min: 70, max: 90 }),
  darkShare: rounded(0, 1, 4),
  brightShare: fc.oneof(rounded(0.25, 0.35, 4), fc.constant(0.3)),
  laplacianVariance: fc.oneof(rounded(50, 70, 1), fc.constant(60)),
  phash: fc.constant(hash),
});

describe('qaChecksOf (domain) against judgeImage (server)', () => {
  it('fails a check exactly when the server rejects the photo', () => {
    fc.assert(
      fc.property(
        measuresArbitrary,
        fc.constantFrom(...PhotoCode.def.values),
        fc.option(fc.integer({ min: 4, max: 12 }), { nil: null }),
        (measures, photoCode, otherDistance) => {
          const other = photoCode === 1 ? 2 : 1;
          const otherStepHashes = otherDistance === null ? [] : [{ photoCode: other, phash: hashAt(otherDistance) }];
          const input = { measures, photoCode, exterior: isExteriorCode(photoCode), otherStepHashes };
          const verdict = judgeImage(input, defaultQaSettings);
          const checks = qaChecksOf(toQaMeasures(verdict, upload, defaultQaSettings), photoCode);

          expect(checks.every((check) => check.passed !== null)).toBe(true);
          expect(checks.some((check) => check.passed === false)).toBe(verdict.reasonCode !== null);
        },
      ),
      { numRuns: 500 },
    );
  });
});
