import { type ManualEntryRequest, type PhotoCode, type SessionKey } from '@pave/domain';
import { matchesCaptureToken } from '../sessions/capture-token.js';
import type { SessionRow } from '../storage/repository.js';
import { acceptingFrom, createCaptureContext, type CaptureDeps } from './capture-context.js';
import { checkRoomForPhoto } from './attempt-room.js';
import { completeUpload, type UploadedPhoto, type UploadSlot } from './complete-upload.js';
import { recordManualEntry, recordSkip } from './record-entry.js';
import { createSessionStateUseCases } from './session-state-use-cases.js';

/**
 * The capture app's side of a session: read its state, start it, add photos, typed values and skips, confirm.
 * Every method returns a domain `Result`; its refusals are the `CaptureError`s of capture-error.ts.
 */
export function createCaptureService(deps: CaptureDeps) {
  const context = createCaptureContext(deps);
  return {
    ...createSessionStateUseCases(context),
    /**
     * The session whose capture link `token` opens (see capture-token.ts), or null; no side effect. It opens in every
     * status: a closed session's link shows its status (an `INVALID` one's reason too) and takes nothing more.
     */
    open: async (sessionKey: SessionKey, token: string | undefined): Promise<SessionRow | null> => {
      const row = await deps.repo.sessions.findByKey(sessionKey, 'any');
      return row !== null && matchesCaptureToken(row.captureToken, token) ? row : null;
    },
    /**
     * Checks, before the upload is read, that the session (as `open` just read it) takes photos and has room for one
     * more of `photoCode` (attempt caps, storage quota). No side effect: an `IDLE` session is started only when the
     * judged photo is appended (`completeUpload`).
     */
    beginUpload: async (session: SessionRow, photoCode: PhotoCode) => {
      const found = await acceptingFrom(context, session);
      return found.ok ? checkRoomForPhoto(context, found.value, photoCode) : found;
    },
    completeUpload: (slot: UploadSlot, upload: UploadedPhoto) => completeUpload(context, slot, upload),
    manual: (sessionKey: SessionKey, request: ManualEntryRequest) => recordManualEntry(context, sessionKey, request),
    skip: (sessionKey: SessionKey, photoCode: PhotoCode) => recordSkip(context, sessionKey, photoCode),
  };
}

/** The capture service. */
export type CaptureService = ReturnType<typeof createCaptureService>;
