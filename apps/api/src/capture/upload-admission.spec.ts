import { createUploadAdmission, largeUploadBytes, weightOf } from './upload-admission.js';

const limits = { capacity: 4, perSession: 2, perAddress: 3 };
const small = 700_000;

describe('createUploadAdmission', () => {
  it('admits uploads until their weight reaches the capacity, and again once one is released', () => {
    const admission = createUploadAdmission({ ...limits, perAddress: 0 });
    const admitted = [1, 2, 3, 4].map((i) =>
      admission.admit({ sessionKey: `s${i}`, address: 'a', declaredBytes: small }),
    );

    const refused = admission.admit({ sessionKey: 's5', address: 'a', declaredBytes: small });
    if (admitted[0]?.ok) admitted[0].value();
    const later = admission.admit({ sessionKey: 's5', address: 'a', declaredBytes: small });

    expect([admitted.every((a) => a.ok), refused, later.ok]).toEqual([
      true,
      { ok: false, error: { code: 'server_busy' } },
      true,
    ]);
  });

  it('weighs a large upload 2.5, and an unknown length as large', () => {
    expect([weightOf(small), weightOf(largeUploadBytes), weightOf(largeUploadBytes + 1), weightOf(null)]).toEqual([
      1, 1, 2.5, 2.5,
    ]);
  });

  it('admits one upload into an idle server however large', () => {
    const admission = createUploadAdmission({ ...limits, capacity: 1 });

    expect(admission.admit({ sessionKey: 's', address: 'a', declaredBytes: null }).ok).toBe(true);
    expect(admission.pending).toBe(2.5);
  });

  it('holds a session to 2 uploads at once and a client address to 3', () => {
    const admission = createUploadAdmission({ ...limits, capacity: 100 });
    const take = (sessionKey: string, address: string) => {
      const outcome = admission.admit({ sessionKey, address, declaredBytes: small });
      return outcome.ok ? 'ok' : outcome.error.code;
    };

    expect([
      take('s1', 'a'),
      take('s1', 'b'),
      take('s1', 'c'),
      take('s2', 'a'),
      take('s3', 'a'),
      take('s4', 'a'),
      take('s5', 'd'),
    ]).toEqual(['ok', 'ok', 'session_busy', 'ok', 'ok', 'address_busy', 'ok']);
  });

  it('gives a share back only once, however often it is released', () => {
    const admission = createUploadAdmission(limits);
    const first = admission.admit({ sessionKey: 's', address: 'a', declaredBytes: small });
    const second = admission.admit({ sessionKey: 's', address: 'a', declaredBytes: small });

    if (first.ok) [1, 2, 3].forEach(() => first.value());

    expect([
      second.ok,
      admission.pending,
      admission.admit({ sessionKey: 's', address: 'a', declaredBytes: small }).ok,
    ]).toEqual([true, 1, true]);
  });
});
