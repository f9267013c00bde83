import * as z from 'zod/mini';
import { isUrlNullable, PhotoCode, PhotoLabel, photoLabelOf } from './photo-code.js';
import { acceptedMessage, ApprovedMessage } from './qa-reasons.js';
import { WireTimestamp } from './timestamps.js';

/** An absolute http(s) URL. */
export const AbsoluteUrl = z.url({ protocol: /^https?$/ });

/** The seven fields of a photo attempt on the wire, in wire order. Extended by our own endpoints. */
export const sessionPhotoShape = {
  photo_code: PhotoCode,
  photo_label: PhotoLabel,
  /** The image; null only for an exterior step that was skipped (contract section 2). */
  url: z.nullable(AbsoluteUrl),
  approved: z.boolean(),
  approved_message: ApprovedMessage,
  /** When the attempt was captured. */
  created_at: WireTimestamp,
  /** When the attempt last changed: its QA verdict, or the retake that superseded it. */
  updated_at: WireTimestamp,
} as const;

type SessionPhotoFields = z.infer<z.ZodMiniObject<typeof sessionPhotoShape>>;

/** The cross-field rules of a photo attempt; shared by every schema that carries the seven fields. */
export function refineSessionPhoto(photo: SessionPhotoFields, ctx: z.core.$RefinementCtx<SessionPhotoFields>): void {
  if (photoLabelOf(photo.photo_code) !== photo.photo_label) {
    ctx.addIssue({
      code: 'custom',
      path: ['photo_label'],
      message: `photo_label of photo_code ${photo.photo_code} is ${photoLabelOf(photo.photo_code)}`,
    });
  }
  if (photo.url === null && !isUrlNullable(photo.photo_code)) {
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: `url may be null only for exterior views, not ${photo.photo_label}`,
    });
  }
  if (photo.approved !== (photo.approved_message === acceptedMessage)) {
    ctx.addIssue({
      code: 'custom',
      path: ['approved_message'],
      message: 'approved is true exactly when approved_message is ACCEPTED',
    });
  }
  if (photo.updated_at < photo.created_at) {
    ctx.addIssue({ code: 'custom', path: ['updated_at'], message: 'updated_at is before created_at' });
  }
}

/** One capture attempt as `GET /v1/sessions/:session_key/photos` returns it: exactly the seven fields, in order. */
export const SessionPhoto = z.object(sessionPhotoShape).check(z.superRefine(refineSessionPhoto));
export type SessionPhoto = z.infer<typeof SessionPhoto>;

/** The 200 body of `GET …/photos`: a bare array, one element per attempt, in capture order. */
export const SessionPhotos = z.array(SessionPhoto);
export type SessionPhotos = z.infer<typeof SessionPhotos>;
