import type { ImageStore } from './image-store.js';

/**
 * The store to use while images move from one store to another (`npm run images -- migrate`): everything is
 * written to, listed in and swept from `primary`; a read that finds nothing there reads `fallback`, and a removal
 * removes from both, so an image deleted during the move does not come back from the old store.
 */
export function withFallback(primary: ImageStore, fallback: ImageStore): ImageStore {
  return {
    ...primary,
    description: `${primary.description}, reading ${fallback.description} for images missing there`,
    async ping() {
      await Promise.all([primary.ping(), fallback.ping()]);
    },
    async remove(id) {
      await Promise.all([primary.remove(id), fallback.remove(id)]);
    },
    async stat(id, variant) {
      return (await primary.stat(id, variant)) ?? fallback.stat(id, variant);
    },
    async open(id, variant, range) {
      return (await primary.open(id, variant, range)) ?? fallback.open(id, variant, range);
    },
    async presign(id, variant, expiresInSeconds) {
      // an object still only in the old store has no URL there: the router streams it instead
      return (await primary.stat(id, variant)) ? primary.presign(id, variant, expiresInSeconds) : null;
    },
  };
}
