// What the driver does in src/capture-and-review.spec.ts, and what the phone and the API must show for it.
import { sessionPhotoShape, type PhotoCode } from '@pave/domain';

/** The VIN the driver types in. */
export const typedVin = '1HGCM82633A004352';

/** The exterior views accepted at the first photo, after Left: [photo_code, the step's title on the phone]. */
export const acceptedAtOnce: readonly (readonly [PhotoCode, string])[] = [
  [10, 'Front left corner'],
  [5, 'Front'],
  [11, 'Front right corner'],
  [7, 'Right side'],
  [12, 'Rear right corner'],
];

/** The seven fields of a `GET …/photos` element, in wire order (pinned by the domain's session-photo.spec.ts). */
export const contractFields = Object.keys(sessionPhotoShape);

/** The attempts the driver makes, in capture order: [photo_code, approved_message]. */
export const expectedAttempts = [
  [1, 'ACCEPTED'],
  [2, 'REJECTED: Too Dark'],
  [2, 'ACCEPTED'],
  [3, 'ACCEPTED'],
  [4, 'REJECTED: Wrong Orientation'],
  [4, 'ACCEPTED'],
  [10, 'ACCEPTED'],
  [5, 'ACCEPTED'],
  [11, 'ACCEPTED'],
  [7, 'ACCEPTED'],
  [12, 'ACCEPTED'],
  [8, 'REJECTED: Blurry Image'],
  [8, 'ACCEPTED'],
  [9, 'ACCEPTED'],
  [6, 'ACCEPTED'],
  [13, 'REJECTED: Skipped'],
];

/** The phone's summary list once everything is in: each step's title and state, as the list items read. */
export const expectedSummary = [
  '1. VINTyped in',
  '2. InteriorAccepted',
  '3. Odometer (instrument cluster)Accepted',
  '4. Left sideAccepted',
  '5. Front left cornerAccepted',
  '6. FrontAccepted',
  '7. Front right cornerAccepted',
  '8. Right sideAccepted',
  '9. Rear right cornerAccepted',
  '10. RearAccepted',
  '11. Rear left cornerSkipped',
  '12. WindshieldAccepted',
  '13. TyresAccepted',
];
