import { checkManualEntry, ManualEntryRequest, SkipRequest } from './capture-wire.js';

describe('checkManualEntry', () => {
  it.each([
    [1, 'jn1cv6ar9bm123456', 'JN1CV6AR9BM123456'],
    [1, ' 1HGCM82633A004352 ', '1HGCM82633A004352'],
    [3, '123456', '123456'],
    [3, '12,345', '12345'],
    [3, '0042', '42'],
  ] as const)('accepts code %i value %p as %p', (code, value, normalised) => {
    expect(checkManualEntry(code, value)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    [1, 'JN1CV6AR9BM12345'],
    [1, 'JN1CV6AR9BM1234567'],
    [1, 'JN1CV6AR9BM12345O'],
    [1, 'IN1CV6AR9BM123456'],
    [1, 'QN1CV6AR9BM123456'],
    [3, ''],
    [3, '12a'],
    [3, '-5'],
    [3, '12345678'],
  ] as const)('refuses code %i value %p', (code, value) => {
    const result = checkManualEntry(code, value);
    expect(result.ok).toBe(false);
  });
});

describe('capture request bodies', () => {
  it.each([{ photo_code: 2, value: 'x' }, { photo_code: 1 }, { photo_code: 1, value: 'x', extra: 1 }])(
    'refuses manual %p',
    (body) => {
      expect(ManualEntryRequest.safeParse(body).success).toBe(false);
    },
  );
  it.each([{}, { photo_code: 0 }, { photo_code: '4' }, { photo_code: 4, why: 'x' }])('refuses skip %p', (body) => {
    expect(SkipRequest.safeParse(body).success).toBe(false);
  });
});
