import type { SessionPhotos } from '@pave/domain';

/** A session's photos answer as last read, with the `photos_version` it was read at. */
export type PhotosCache = {
  /** The answer read at exactly this version, or undefined (never read, evicted, or stale). */
  get(sessionId: number, version: number): SessionPhotos | undefined;
  set(sessionId: number, version: number, photos: SessionPhotos): void;
};

/**
 * Keeps the photos answers of the `maxSessions` most recently read sessions (0 keeps none). Correct across instances:
 * every appended attempt raises the session's `photos_version` in the same transaction (attempt-store.ts),
 * and a caller always reads the current version first, so a stale answer is never served. Callers share the
 * answers and must not change them.
 */
export function createPhotosCache(maxSessions = 2000): PhotosCache {
  const entries = new Map<number, { version: number; photos: SessionPhotos }>();
  return {
    get(sessionId, version) {
      const entry = entries.get(sessionId);
      if (!entry || entry.version !== version) return undefined;
      entries.delete(sessionId);
      entries.set(sessionId, entry);
      return entry.photos;
    },
    set(sessionId, version, photos) {
      if (maxSessions <= 0) return;
      entries.delete(sessionId);
      if (entries.size >= maxSessions) entries.delete(entries.keys().next().value ?? -1);
      entries.set(sessionId, { version, photos });
    },
  };
}
