import * as z from 'zod/mini';
import type { Result } from './result.js';

/** A session's status (contract section 3). */
export const SessionStatus = z.enum([
  'IDLE',
  'STARTED',
  'PROCESS',
  'QC_PASSED',
  'CONFIRM',
  'COMPLETE',
  'EXPIRED',
  'INVALID',
]);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Statuses after which nothing about the capture changes. */
export const terminalStatuses = ['COMPLETE', 'EXPIRED', 'INVALID'] as const satisfies readonly SessionStatus[];
/** A status after which nothing about the capture changes. */
export type TerminalStatus = (typeof terminalStatuses)[number];
/** Statuses in which a session takes new attempts (photos, typed values, skips): the `attempt` event is allowed. */
export const acceptingStatuses = [
  'IDLE',
  'STARTED',
  'PROCESS',
  'QC_PASSED',
  'CONFIRM',
] as const satisfies readonly SessionStatus[];
/**
 * Statuses in which a session outliving its account's expiry window becomes `EXPIRED`: every status that is not
 * terminal, `QC_PASSED` and `CONFIRM` included (a complete capture not confirmed in time expires like any other).
 */
export const expirableStatuses = [
  'IDLE',
  'STARTED',
  'PROCESS',
  'QC_PASSED',
  'CONFIRM',
] as const satisfies readonly SessionStatus[];
/**
 * Statuses in which an integrator may delete a session: only `IDLE`, before the driver's first action (an explicit
 * start or a first attempt). Opening or previewing the capture link reads the session and leaves it `IDLE`.
 */
export const deletableStatuses = ['IDLE'] as const satisfies readonly SessionStatus[];

function includesStatus(statuses: readonly SessionStatus[], status: SessionStatus): boolean {
  return statuses.includes(status);
}

/** True for `COMPLETE`, `EXPIRED` and `INVALID`. */
export function isTerminalStatus(status: SessionStatus): status is TerminalStatus {
  return includesStatus(terminalStatuses, status);
}

/** True for the statuses in {@link acceptingStatuses}: the session takes new attempts. */
export function isAcceptingStatus(status: SessionStatus): boolean {
  return includesStatus(acceptingStatuses, status);
}

/** True for the statuses in {@link deletableStatuses} (`IDLE`): `DELETE /v1/sessions/:key` may remove the session. */
export function isDeletableStatus(status: SessionStatus): boolean {
  return includesStatus(deletableStatuses, status);
}

/** The characters of a session key's random part. */
export const sessionKeyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** How many random characters follow the prefix. */
export const sessionKeyRandomLength = 10;

/** A session key, `AAA-XXXXXXXXXX`: a 3-letter account prefix and 10 upper-case letters or digits. */
export const SessionKey = z
  .string()
  .check(z.regex(/^[A-Z]{3}-[A-Z0-9]{10}$/, { message: 'Expected a session key like ABC-1A2B3C4D5E' }))
  .brand<'SessionKey'>();
export type SessionKey = z.infer<typeof SessionKey>;

/** Where the capture app lives in the web app: the capture link is `<PUBLIC_BASE_URL>/capture/<session_key>`. */
export const capturePathPrefix = '/capture/';

/** The path of a session's capture link, `/capture/<session_key>` (the key URL-encoded). */
export function capturePath(sessionKey: string): string {
  return `${capturePathPrefix}${encodeURIComponent(sessionKey)}`;
}

/** The 3-letter prefix of an account's session keys: its username's first letters, upper-cased, padded with X. */
export function sessionKeyPrefix(username: string): string {
  const letters = username.toUpperCase().replace(/[^A-Z]/g, '');
  return `${letters}XXX`.slice(0, 3);
}

/** Builds a session key from an account's username and random characters (from {@link sessionKeyAlphabet}). */
export function buildSessionKey(username: string, randomPart: string): SessionKey {
  return SessionKey.parse(`${sessionKeyPrefix(username)}-${randomPart}`);
}

/** Capture UI themes. */
export const SessionTheme = z.enum(['LITE', 'PRO', 'CAPT']);
export type SessionTheme = z.infer<typeof SessionTheme>;
/** The theme of a session created without one. */
export const defaultSessionTheme: SessionTheme = 'PRO';

/** Capture UI languages. */
export const SessionLanguage = z.enum(['EN', 'FR', 'ES']);
export type SessionLanguage = z.infer<typeof SessionLanguage>;

/** The language of a session created without one. */
export const defaultSessionLanguage: SessionLanguage = 'EN';

/** What happens to a session. */
export type SessionEvent =
  'open' | 'attempt' | 'capture_complete' | 'capture_incomplete' | 'confirm' | 'expire' | 'invalidate';

/** A refused status move. */
export type TransitionError = { code: 'invalid_transition'; from: SessionStatus; event: SessionEvent };

const transitions: Record<SessionEvent, Partial<Record<SessionStatus, SessionStatus>>> = {
  open: { IDLE: 'STARTED', STARTED: 'STARTED', PROCESS: 'PROCESS', QC_PASSED: 'QC_PASSED', CONFIRM: 'CONFIRM' },
  attempt: { IDLE: 'PROCESS', STARTED: 'PROCESS', PROCESS: 'PROCESS', QC_PASSED: 'QC_PASSED', CONFIRM: 'CONFIRM' },
  capture_complete: { PROCESS: 'QC_PASSED', QC_PASSED: 'QC_PASSED', CONFIRM: 'CONFIRM' },
  capture_incomplete: { PROCESS: 'PROCESS', QC_PASSED: 'PROCESS', CONFIRM: 'PROCESS' },
  confirm: { QC_PASSED: 'COMPLETE', CONFIRM: 'COMPLETE' },
  expire: { IDLE: 'EXPIRED', STARTED: 'EXPIRED', PROCESS: 'EXPIRED', QC_PASSED: 'EXPIRED', CONFIRM: 'EXPIRED' },
  invalidate: {
    IDLE: 'INVALID',
    STARTED: 'INVALID',
    PROCESS: 'INVALID',
    QC_PASSED: 'INVALID',
    CONFIRM: 'INVALID',
    COMPLETE: 'INVALID',
    EXPIRED: 'INVALID',
  },
};

/**
 * The status a session moves to on an event (contract section 3), or a refusal: nothing leaves
 * `COMPLETE`, `EXPIRED` or `INVALID` except a reviewer invalidating it; `confirm` needs `QC_PASSED`.
 */
export function transitionStatus(from: SessionStatus, event: SessionEvent): Result<SessionStatus, TransitionError> {
  const to = transitions[event][from];
  return to ? { ok: true, value: to } : { ok: false, error: { code: 'invalid_transition', from, event } };
}

/** What {@link capturedStatus} needs to know of a session's attempts. */
export type CaptureOutcome = { readonly attempted: boolean; readonly complete: boolean };

/**
 * The status a session's attempts call for (contract section 4): `PROCESS` once something was captured,
 * `QC_PASSED` once the capture is complete, `PROCESS` again when a retake makes it incomplete. Unchanged without
 * attempts, or where no such move applies (a closed session).
 */
export function capturedStatus(status: SessionStatus, capture: CaptureOutcome): SessionStatus {
  if (!capture.attempted) return status;
  const captured = transitionStatus(status, 'attempt');
  if (!captured.ok) return status;
  const settled = transitionStatus(captured.value, capture.complete ? 'capture_complete' : 'capture_incomplete');
  return settled.ok ? settled.value : captured.value;
}

/** Has a session in `status`, created at `createdAt`, outlived an expiry window of `windowSeconds` at `now`? */
export function isSessionExpired(status: SessionStatus, createdAt: Date, windowSeconds: number, now: Date): boolean {
  const expirable = includesStatus(expirableStatuses, status);
  return expirable && now.getTime() - createdAt.getTime() >= windowSeconds * 1000;
}

/** Statuses in which a session is no longer `active` (contract: `active` is false once `EXPIRED` or `INVALID`). */
export const inactiveStatuses = ['EXPIRED', 'INVALID'] as const satisfies readonly SessionStatus[];

/** PAVE's `active`: true unless the session is `EXPIRED` or `INVALID` (a `COMPLETE` session stays active). */
export function isSessionActive(status: SessionStatus): boolean {
  return !includesStatus(inactiveStatuses, status);
}

/** Statuses a session reaches only once its capture has started (the driver's explicit start, or a first attempt). */
export const capturingStatuses = [
  'STARTED',
  'PROCESS',
  'QC_PASSED',
  'CONFIRM',
  'COMPLETE',
] as const satisfies readonly SessionStatus[];

/**
 * What a move into `to` marks on the session: `inspect_started_at` when the capture starts (the first move into
 * one of {@link capturingStatuses}), `inspect_ended_at` when the driver's confirmation completes it.
 */
export function inspectionMarksOf(to: SessionStatus): { readonly started: boolean; readonly ended: boolean } {
  return { started: includesStatus(capturingStatuses, to), ended: to === 'COMPLETE' };
}
