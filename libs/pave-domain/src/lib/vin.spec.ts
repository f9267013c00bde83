import { Vin } from './vin.js';

describe('Vin', () => {
  it.each(['JN1CV6AR9BM123456', '1HGCM82633A004352', 'ABCDEFGHJKLMNPRST'])('accepts %p', (vin) => {
    expect(Vin.safeParse(vin).success).toBe(true);
  });

  it.each([
    ['16 characters', 'JN1CV6AR9BM12345'],
    ['18 characters', 'JN1CV6AR9BM1234567'],
    ['an O', 'JN1CV6AR9BM12345O'],
    ['an I', 'IN1CV6AR9BM123456'],
    ['a Q', 'QN1CV6AR9BM123456'],
    ['lower case', 'jn1cv6ar9bm123456'],
    ['a space', 'JN1CV6AR9BM 23456'],
  ])('refuses a VIN with %s', (_why, vin) => {
    const result = Vin.safeParse(vin);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Expected a 17-character VIN without I, O or Q');
  });
});
