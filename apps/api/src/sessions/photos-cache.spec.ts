import { buildPhoto } from '@pave/domain/testing';
import { createPhotosCache } from './photos-cache.js';

describe('photos cache', () => {
  const photos = [buildPhoto({ photo_code: 1 }), buildPhoto({ photo_code: 2 })];

  it('serves an answer only at the version it was read at', () => {
    const cache = createPhotosCache();
    cache.set(7, 3, photos);
    expect(cache.get(7, 3)).toEqual(photos);
    expect(cache.get(7, 4)).toBeUndefined();
    expect(cache.get(8, 3)).toBeUndefined();
  });

  it('replaces an older version', () => {
    const cache = createPhotosCache();
    cache.set(7, 3, photos);
    cache.set(7, 4, photos.slice(0, 1));
    expect(cache.get(7, 3)).toBeUndefined();
    expect(cache.get(7, 4)).toHaveLength(1);
  });

  it('keeps nothing when its size is 0', () => {
    const cache = createPhotosCache(0);
    cache.set(7, 3, photos);
    expect(cache.get(7, 3)).toBeUndefined();
  });

  it('forgets the least recently read session beyond 2000', () => {
    const cache = createPhotosCache();
    for (let id = 1; id <= 2000; id += 1) cache.set(id, 1, photos);
    cache.get(1, 1);
    cache.set(2001, 1, photos);
    expect(cache.get(1, 1)).toBeDefined();
    expect(cache.get(2, 1)).toBeUndefined();
    expect(cache.get(2001, 1)).toBeDefined();
  });
});
