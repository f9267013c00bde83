import {
  buildApprovedMessage,
  formatWireTimestamp,
  photoLabelOf,
  toSessionObject,
  type AttemptRecord,
  type PhotoCode,
  type ProgressSession,
  type Session,
  type SessionPhoto,
} from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AttemptRow, SessionRow } from '../storage/repository.js';
import { captureUrl } from './capture-token.js';

/** An epoch-milliseconds timestamp as the wire spells it (`2021-05-27T07:36:16+00:00`). */
export function wireTimestamp(epochMs: number): string {
  return formatWireTimestamp(new Date(epochMs));
}

/** Where a stored image is served (by the capture module). */
export function imageUrl(publicBaseUrl: string, imageId: string): string {
  return `${publicBaseUrl}/images/${imageId}.jpg`;
}

/** Where a stored image's thumbnail is served (by the capture module). */
export function thumbnailUrl(publicBaseUrl: string, imageId: string): string {
  return `${publicBaseUrl}/images/${imageId}.thumb.jpg`;
}

/** The placeholder image of a step whose value was typed in (contract section 2, manual entry). */
export function defaultImageUrl(publicBaseUrl: string, photoCode: PhotoCode): string {
  return `${publicBaseUrl}/images/default/${photoCode}.jpg`;
}

const dateOrNull = (epochMs: number | null): Date | null => (epochMs === null ? null : new Date(epochMs));

/**
 * A session as the API answers it: the domain's `toSessionObject` over the stored row (its capture link rebuilt
 * from the sealed token, see capture-token.ts).
 */
export function toSession(row: SessionRow, publicBaseUrl: string, box: SecretBox): Session {
  return toSessionObject({
    sessionKey: row.sessionKey,
    status: row.status,
    settings: row.settings,
    learned: row.learned,
    captureUrl: captureUrl(publicBaseUrl, box, row),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    expiresAt: new Date(row.expiresAt),
    inspectStartedAt: dateOrNull(row.inspectStartedAt),
    inspectEndedAt: dateOrNull(row.inspectEndedAt),
    invalidReason: row.invalidReason,
  });
}

function urlOf(row: AttemptRow, publicBaseUrl: string): string | null {
  switch (row.kind) {
    case 'photo':
      if (row.imageId === null) throw new Error(`invariant: photo attempt ${row.id} has an image id`);
      return imageUrl(publicBaseUrl, row.imageId);
    case 'manual':
      return defaultImageUrl(publicBaseUrl, row.photoCode);
    case 'skip':
      return null;
  }
}

function approvedMessageOf(row: AttemptRow): string {
  if (row.approved) return buildApprovedMessage(null);
  if (row.reasonCode !== null) return buildApprovedMessage(row.reasonCode);
  return buildApprovedMessage({ text: row.reason ?? '' });
}

/** An attempt on `GET …/photos`: exactly the seven wire fields, in wire order. The one place this mapping lives. */
export function toSessionPhoto(row: AttemptRow, publicBaseUrl: string): SessionPhoto {
  return {
    photo_code: row.photoCode,
    photo_label: photoLabelOf(row.photoCode),
    url: urlOf(row, publicBaseUrl),
    approved: row.approved,
    approved_message: approvedMessageOf(row),
    created_at: wireTimestamp(row.createdAt),
    updated_at: wireTimestamp(row.updatedAt),
  };
}

/** A session as the domain's progress projections read it: its key and status. */
export function toProgressSession(row: SessionRow): ProgressSession {
  return { session_key: row.sessionKey, status: row.status };
}

// The verdict time is known for every stored attempt, superseded ones included.
function verdictSecondsOf(row: AttemptRow): number {
  return Math.max(0, row.processingMs ?? row.verdictAt - row.createdAt) / 1000;
}

/** A stored attempt as the domain's progress projections read it: its wire fields plus what the server knows. */
export function toAttemptRecord(row: AttemptRow, publicBaseUrl: string): AttemptRecord {
  return {
    photo: toSessionPhoto(row, publicBaseUrl),
    manual: row.kind === 'manual',
    thumbnailUrl: row.kind === 'photo' && row.imageId !== null ? thumbnailUrl(publicBaseUrl, row.imageId) : null,
    qaMeasures: row.qaMeasures,
    verdictSeconds: verdictSecondsOf(row),
    typedValue: row.kind === 'manual' ? row.manualValue : null,
  };
}
