import { attemptLimits, attemptsExhaustedMessage, checkAttemptLimits } from './attempt-limits.js';

describe('checkAttemptLimits', () => {
  const limits = { perStep: 3, perSession: 5 };

  it.each([
    [{ step: 0, session: 0 }, true],
    [{ step: 2, session: 4 }, true],
    [{ step: 3, session: 3 }, false],
    [{ step: 0, session: 5 }, false],
  ])('with %o already stored, allows one more: %s', (counts, allowed) => {
    expect(checkAttemptLimits(counts, 4, limits).ok).toBe(allowed);
  });

  it('names the session cap before the step cap', () => {
    expect(checkAttemptLimits({ step: 3, session: 5 }, 4, limits)).toEqual({
      ok: false,
      error: { code: 'attempts_exhausted', scope: 'session', photoCode: 4, limit: 5 },
    });
  });

  it('uses the caps every session has when none are given', () => {
    expect(checkAttemptLimits({ step: attemptLimits.perStep - 1, session: 0 }, 1).ok).toBe(true);
    expect(checkAttemptLimits({ step: attemptLimits.perStep, session: 0 }, 1).ok).toBe(false);
  });

  it('words each refusal with its cap and, for a step, its label', () => {
    const step = checkAttemptLimits({ step: 3, session: 3 }, 2, limits);
    expect(step.ok ? '' : attemptsExhaustedMessage(step.error)).toBe(
      'Interior already has 3 attempts, the most one step takes.',
    );
    const session = checkAttemptLimits({ step: 0, session: 5 }, 2, limits);
    expect(session.ok ? '' : attemptsExhaustedMessage(session.error)).toMatch(/already has 5 attempts/);
  });
});
