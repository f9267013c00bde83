import { randomBytes } from 'node:crypto';
import { parseApprovedMessage, parseWireTimestamp, SessionPhotos } from '@pave/domain';
import { samplePhotosFixture } from '@pave/domain/testing';
import type { AttemptVerdict, NewAttempt, Repository } from '../storage/repository.js';

/** The contract's 200 sample, parsed. */
export const samplePhotos: SessionPhotos = SessionPhotos.parse(samplePhotosFixture);

function epochOf(wire: string): number {
  const date = parseWireTimestamp(wire);
  if (!date) throw new Error(`sample timestamp ${wire} is not a wire timestamp`);
  return date.getTime();
}

function verdictOf(message: string): AttemptVerdict {
  const verdict = parseApprovedMessage(message);
  if (!verdict) throw new Error(`sample message ${message} is not ACCEPTED or REJECTED: …`);
  if (verdict.approved) return { approved: true };
  return { approved: false, reason: verdict.reasonCode ?? { text: verdict.reason } };
}

/** The sample's 14 attempts as repository inputs, in capture order (photos with random image ids). */
export function sampleAttempts(sessionId: number): NewAttempt[] {
  return samplePhotos.map((photo) => ({
    kind: 'photo',
    sessionId,
    photoCode: photo.photo_code,
    imageId: randomBytes(16).toString('hex'),
    imageBytes: 1000,
    verdict: verdictOf(photo.approved_message),
    qaMeasures: null,
    processingMs: null,
    createdAt: epochOf(photo.created_at),
    // a superseded attempt's updated_at is overwritten by its retake, as in the sample
    verdictAt: epochOf(photo.updated_at),
  }));
}

/** Appends the sample's attempts to a session through the repository, one by one, as capture would. */
export async function seedSampleAttempts(repo: Repository, sessionId: number): Promise<void> {
  for (const attempt of sampleAttempts(sessionId)) {
    const appended = await repo.attempts.append(attempt);
    if (!appended.ok) throw new Error('seeding the sample failed: the session is missing');
  }
}
