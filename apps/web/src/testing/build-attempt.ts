import { parseApprovedMessage, ProgressAttempt } from '@pave/domain';
import { buildPhoto, type BuildPhotoOptions } from '@pave/domain/testing';

/** Options of {@link buildAttempt}: photo fields (as buildPhoto) plus the extension fields. */
export type BuildAttemptOptions = BuildPhotoOptions & Partial<Omit<ProgressAttempt, keyof BuildPhotoOptions>>;

/** Builds a valid progress attempt (accepted VIN by default), parsed with the schema so it cannot drift. */
export function buildAttempt(options: BuildAttemptOptions = {}): ProgressAttempt {
  const { reason_code, processing_seconds, thumbnail_url, qa_measures, typed_value, ...photoOptions } = options;
  const photo = buildPhoto(photoOptions);
  const verdict = parseApprovedMessage(photo.approved_message);
  return ProgressAttempt.parse({
    ...photo,
    reason_code: reason_code !== undefined ? reason_code : verdict && !verdict.approved ? verdict.reasonCode : null,
    processing_seconds: processing_seconds !== undefined ? processing_seconds : 2,
    thumbnail_url: thumbnail_url !== undefined ? thumbnail_url : (photo.url?.replace(/\.jpg$/, '-thumb.jpg') ?? null),
    qa_measures: qa_measures !== undefined ? qa_measures : photo.url ? { sharpness: 0.82, brightness: 0.55 } : null,
    typed_value: typed_value ?? null,
  });
}
