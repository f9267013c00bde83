import type { ImageStore } from '../images/image-store.js';
import type { Logger } from '../logger.js';
import type { ErasedSession, ErasureReason, Repository } from '../storage/repository.js';

/** What erasing a session needs. */
export type EraseDeps = {
  readonly repo: Repository;
  readonly images: ImageStore;
  readonly now: () => Date;
  readonly logger: Logger;
};

/**
 * Erases a session for good: its rows first (attempts, notes, events and the session, with a tombstone), then its
 * images from the image store. A failed image removal is logged and left to the image sweep, which removes images no
 * row points to. Null when the session was already gone (erased meanwhile, on this instance or another).
 */
export async function eraseSession(
  deps: EraseDeps,
  sessionId: number,
  reason: ErasureReason,
): Promise<ErasedSession | null> {
  const erased = await deps.repo.erasures.erase(sessionId, reason, deps.now().getTime());
  if (!erased) return null;
  for (const imageId of erased.imageIds) {
    await deps.images.remove(imageId).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'removing an erased session’s image failed; the image sweep removes it');
    });
  }
  deps.logger.info(
    { accountId: erased.accountId, attempts: erased.attempts, images: erased.imageIds.length, reason },
    'erased a session',
  );
  return erased;
}
