import type { PhotoCode } from '@pave/domain';

/** What a typed value is, in words: the VIN step takes a VIN, the Cluster step an odometer reading. */
export function typedValueName(photoCode: PhotoCode): string {
  return photoCode === 3 ? 'odometer reading' : 'VIN';
}

/** {@link typedValueName} capitalised, as a card's label ("VIN: 1HGC…", "Odometer reading: 48213"). */
export function typedValueLabel(photoCode: PhotoCode): string {
  const name = typedValueName(photoCode);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
