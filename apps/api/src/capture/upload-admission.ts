import type { Result } from '@pave/domain';
import type { Release } from './semaphore.js';

/** How many uploads may be read or processed at once, in all and per holder. */
export type AdmissionLimits = {
  /**
   * Weight of all uploads in progress at once: about what the server processes in one second, so an admitted upload
   * waits about a second at most. An upload weighs 1, a large one (a 12 MP photo) {@link largeUploadWeight}.
   */
  readonly capacity: number;
  /** Uploads in progress at once for one session (the capture app sends one at a time). */
  readonly perSession: number;
  /** Uploads in progress at once from one client address; 0 for no limit (behind a proxy every client shares one). */
  readonly perAddress: number;
};

/** An upload asking to be read and processed: its session, its client's address, and its declared body length. */
export type AdmissionRequest = {
  readonly sessionKey: string;
  readonly address: string;
  readonly declaredBytes: number | null;
};

/** Why an upload was not admitted: the server's share, the session's, or the client address's is taken. */
export type AdmissionRefusal = { readonly code: 'server_busy' | 'session_busy' | 'address_busy' };

/** Admits uploads by weight, session and address; each admitted upload gives its share back with its `Release`. */
export type UploadAdmission = {
  admit(request: AdmissionRequest): Result<Release, AdmissionRefusal>;
  /** Weight of the uploads in progress now. */
  readonly pending: number;
};

/** A body this large is a photo the server decodes at full size and shrinks (a 12 MP JPEG), not a 2560-px one. */
export const largeUploadBytes = 2 * 1024 * 1024;
/** What a large upload costs against a 2560-px one, in server CPU (measured in #16: about 2.5×). */
export const largeUploadWeight = 2.5;

/** An upload's weight from its declared length (unknown: counted as large). */
export function weightOf(declaredBytes: number | null): number {
  return declaredBytes !== null && declaredBytes <= largeUploadBytes ? 1 : largeUploadWeight;
}

function createCounter() {
  const counts = new Map<string, number>();
  return {
    count: (key: string) => counts.get(key) ?? 0,
    add(key: string, delta: number): void {
      const next = (counts.get(key) ?? 0) + delta;
      if (next <= 0) counts.delete(key);
      else counts.set(key, next);
    },
  };
}

/**
 * Admission of uploads, decided when their headers arrive, before a byte of the body is read: refused at once (the
 * caller answers 503 with Retry-After) when the server's weight is used up, or the session or client address
 * already holds its share. Shares keep one link, or one address, from taking every slot.
 */
export function createUploadAdmission(limits: AdmissionLimits): UploadAdmission {
  let pending = 0;
  const sessions = createCounter();
  const addresses = createCounter();
  return {
    admit(request) {
      const weight = weightOf(request.declaredBytes);
      if (sessions.count(request.sessionKey) >= limits.perSession)
        return { ok: false, error: { code: 'session_busy' } };
      if (limits.perAddress > 0 && addresses.count(request.address) >= limits.perAddress) {
        return { ok: false, error: { code: 'address_busy' } };
      }
      // one upload is always admitted into an idle server, however large
      if (pending > 0 && pending + weight > limits.capacity) return { ok: false, error: { code: 'server_busy' } };
      pending += weight;
      sessions.add(request.sessionKey, 1);
      addresses.add(request.address, 1);
      let released = false;
      return {
        ok: true,
        value: () => {
          if (released) return;
          released = true;
          pending -= weight;
          sessions.add(request.sessionKey, -1);
          addresses.add(request.address, -1);
        },
      };
    },
    get pending() {
      return pending;
    },
  };
}
