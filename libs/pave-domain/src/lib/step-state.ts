import * as z from 'zod/mini';
import { isExteriorCode, type PhotoCode } from './photo-code.js';
import { parseApprovedMessage } from './qa-reasons.js';
import type { SessionPhoto } from './session-photo.js';

/**
 * Where a capture step stands, judged by its latest attempt: `pending` (no attempt yet), `accepted`, `rejected`,
 * `skipped` (an exterior view left without a photo) or `manual` (a value typed in instead of a photo).
 */
export const StepState = z.enum(['pending', 'accepted', 'rejected', 'skipped', 'manual']);
export type StepState = z.infer<typeof StepState>;

/**
 * The state one attempt gives its step. `manual` says whether the value was typed in, which only the server knows
 * (a typed value is `ACCEPTED` with the step's default image on the wire); a skip is a rejected `Skipped` attempt
 * without a `url`.
 */
export function attemptStateOf(photo: SessionPhoto, manual: boolean): Exclude<StepState, 'pending'> {
  if (photo.approved) return manual ? 'manual' : 'accepted';
  const verdict = parseApprovedMessage(photo.approved_message);
  const skipped = verdict !== null && !verdict.approved && verdict.reasonCode === 'skipped' && photo.url === null;
  return skipped ? 'skipped' : 'rejected';
}

/**
 * Is a step done, as the contract's completeness counts it (section 2)? A needed step (VIN, Interior, Cluster,
 * Windshield, Tires) is done once its latest attempt is accepted or typed in; an exterior view once it has any
 * latest attempt (accepted, rejected or skipped). A capture is complete when all 13 steps are done.
 */
export function isStepDone(photoCode: PhotoCode, state: StepState): boolean {
  if (state === 'accepted' || state === 'manual') return true;
  return isExteriorCode(photoCode) && state !== 'pending';
}
