import fc from 'fast-check';
import { ApprovedMessage, buildApprovedMessage, parseApprovedMessage, QaReasonCode, qaReasons } from './qa-reasons.js';

describe('approved_message', () => {
  it.each([
    [null, 'ACCEPTED'],
    ['wrong_view', 'REJECTED: Wrong View'],
    ['blurry', 'REJECTED: Blurry Image'],
    ['too_dark', 'REJECTED: Too Dark'],
    ['too_bright', 'REJECTED: Too Bright'],
    ['low_resolution', 'REJECTED: Low Resolution'],
    ['wrong_orientation', 'REJECTED: Wrong Orientation'],
    ['skipped', 'REJECTED: Skipped'],
  ] as const)('builds %p as %p', (code, message) => {
    expect(buildApprovedMessage(code)).toBe(message);
  });

  it('parses every code back to itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QaReasonCode.options), (code) => {
        const verdict = parseApprovedMessage(buildApprovedMessage(code));
        return verdict?.approved === false && verdict.reasonCode === code && verdict.reason === qaReasons[code];
      }),
    );
  });

  it('round-trips free reason text, with a null code for text we do not produce', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((t) => t.trim() !== '' && !Object.values(qaReasons).includes(t as never)),
        (text) => {
          const verdict = parseApprovedMessage(buildApprovedMessage({ text }));
          return verdict?.approved === false && verdict.reason === text && verdict.reasonCode === null;
        },
      ),
    );
  });

  it.each(['accepted', 'REJECTED:', 'REJECTED: ', 'REJECTED:Wrong View', 'OK', ''])('refuses %p', (text) => {
    expect(parseApprovedMessage(text)).toBeNull();
    expect(ApprovedMessage.safeParse(text).success).toBe(false);
  });

  it('refuses to build a rejection without a reason', () => {
    expect(() => buildApprovedMessage({ text: ' ' })).toThrow(/needs a reason/);
  });
});
