import fc from 'fast-check';
import {
  captureOrder,
  captureSteps,
  exteriorCodes,
  isUrlNullable,
  neededCodes,
  PhotoCode,
  PhotoLabel,
  photoCodeOf,
  photoLabelOf,
} from './photo-code.js';
import { photoNameOf } from './photo-names.js';

describe('photo codes and labels', () => {
  it.each([
    [1, 'VIN'],
    [2, 'Interior'],
    [3, 'Cluster'],
    [4, 'Left'],
    [5, 'Front'],
    [6, 'Tires'],
    [7, 'Right'],
    [8, 'Rear'],
    [9, 'Windshield'],
    [10, 'Front_Left'],
    [11, 'Front_Right'],
    [12, 'Rear_Right'],
    [13, 'Rear_Left'],
  ] as const)('maps code %i to %s and back', (code, label) => {
    expect(photoLabelOf(code)).toBe(label);
    expect(photoCodeOf(label)).toBe(code);
  });

  it('round-trips every code through its label', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PhotoCode.def.values), (code) => photoCodeOf(photoLabelOf(code)) === code),
    );
  });

  it.each([0, 14, -1, 1.5, '1', null])('refuses %p as a photo code', (value) => {
    expect(PhotoCode.safeParse(value).success).toBe(false);
  });

  it.each(['vin', 'FrontLeft', 'Front Left', ''])('refuses %p as a label', (value) => {
    expect(PhotoLabel.safeParse(value).success).toBe(false);
  });
});

describe('captureSteps', () => {
  it('lists the 13 steps in the contract order with their nullability', () => {
    expect(captureSteps.map((s) => [s.step, s.photoCode, s.photoLabel, s.nullability])).toEqual([
      [1, 1, 'VIN', 'manual_default_image'],
      [2, 2, 'Interior', 'never'],
      [3, 3, 'Cluster', 'manual_default_image'],
      [4, 4, 'Left', 'exterior_optional'],
      [5, 10, 'Front_Left', 'exterior_optional'],
      [6, 5, 'Front', 'exterior_optional'],
      [7, 11, 'Front_Right', 'exterior_optional'],
      [8, 7, 'Right', 'exterior_optional'],
      [9, 12, 'Rear_Right', 'exterior_optional'],
      [10, 8, 'Rear', 'exterior_optional'],
      [11, 13, 'Rear_Left', 'exterior_optional'],
      [12, 9, 'Windshield', 'never'],
      [13, 6, 'Tires', 'never'],
    ]);
  });

  it('partitions the codes into needed and exterior ones', () => {
    expect([...neededCodes, ...exteriorCodes].sort((a, b) => a - b)).toEqual([...captureOrder].sort((a, b) => a - b));
    expect(neededCodes.map(photoLabelOf)).toEqual(['VIN', 'Interior', 'Cluster', 'Windshield', 'Tires']);
  });

  it.each(captureOrder.map((code) => [photoLabelOf(code), code] as const))(
    'says whether %s may have a null url',
    (_label, code) => {
      expect(isUrlNullable(code)).toBe((exteriorCodes as readonly number[]).includes(code));
    },
  );
});

// compile-time facts: the code type is closed
const thirteen: PhotoCode = 13;
// @ts-expect-error 14 is not a photo code
const fourteen: PhotoCode = 14;
void thirteen;
void fourteen;

describe('photoNameOf', () => {
  it('gives every code its own human name', () => {
    const names = PhotoCode.def.values.map((code) => photoNameOf(code));

    expect(new Set(names).size).toBe(13);
    expect(photoNameOf(10)).toBe('Front left');
    expect(photoNameOf(3)).toBe('Odometer');
  });
});
