import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildPhoto, sampleNotFoundFixture, samplePhotosFixture } from '../testing.js';
import { ApiErrorBody } from './api-error.js';
import { SessionPhoto, SessionPhotos } from './session-photo.js';

// src/fixtures is the source of truth. Where a checkout has the project's shared/fixtures folder beside it (the
// original samples), the copies are checked against it; elsewhere that check is skipped, and says why.
const sharedFixtures = join(__dirname, '../../../../../shared/fixtures');
const sharedFixturesSkipReason = existsSync(sharedFixtures) ? null : 'no shared/fixtures folder beside this checkout';

describe('SessionPhotos and the original sample', () => {
  it('parses the 200 sample and serialises it back byte-identical', () => {
    expect(JSON.stringify(SessionPhotos.parse(samplePhotosFixture))).toBe(JSON.stringify(samplePhotosFixture));
    expect(SessionPhotos.parse(samplePhotosFixture)).toHaveLength(14);
  });

  it('parses the 404 sample as an error body', () => {
    expect(ApiErrorBody.parse(sampleNotFoundFixture)).toEqual({ message: 'Session :session_key cannot be found.' });
  });

  const ready = sharedFixturesSkipReason === null;
  const skipped = ready ? '' : ` [skipped: ${sharedFixturesSkipReason}]`;
  (ready ? it : it.skip)(`keeps its fixture copies identical to shared/fixtures${skipped}`, () => {
    for (const name of ['session-photos.200.json', 'session-photos.404.json']) {
      const ours = readFileSync(join(__dirname, '../fixtures', name), 'utf8');
      expect(ours).toBe(readFileSync(join(sharedFixtures, name), 'utf8'));
    }
  });
});

describe('SessionPhoto', () => {
  const valid = buildPhoto({ photo_code: 4 });

  it('keeps exactly the seven fields, in wire order, dropping unknown ones', () => {
    const parsed = SessionPhoto.parse({ extra: 1, ...valid, id: 7 });
    expect(Object.keys(parsed)).toEqual([
      'photo_code',
      'photo_label',
      'url',
      'approved',
      'approved_message',
      'created_at',
      'updated_at',
    ]);
  });

  it.each([
    ['a label that does not match its code', { photo_label: 'VIN' }, 'photo_label'],
    ['an unknown photo code', { photo_code: 14 }, 'photo_code'],
    ['approved with a rejection', { approved: true, approved_message: 'REJECTED: Too Dark' }, 'approved_message'],
    ['rejected with ACCEPTED', { approved: false }, 'approved_message'],
    ['updated before created', { updated_at: '2021-05-27T07:36:15+00:00' }, 'updated_at'],
    ['a timestamp with Z', { created_at: '2021-05-27T07:36:16Z' }, 'created_at'],
    ['a relative url', { url: '/images/a.jpg' }, 'url'],
    ['a non-http url', { url: 'ftp://example.com/a.jpg' }, 'url'],
    ['a missing field', { approved: undefined }, 'approved'],
  ])('refuses %s', (_name, patch, path) => {
    const result = SessionPhoto.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(path);
  });

  it.each([1, 2, 3, 6, 9] as const)('refuses a null url for needed code %i', (code) => {
    const result = SessionPhoto.safeParse({ ...buildPhoto({ photo_code: code }), url: null });
    expect(result.success).toBe(false);
  });

  it.each([4, 5, 7, 8, 10, 11, 12, 13] as const)('accepts a null url for exterior code %i (a skip)', (code) => {
    expect(buildPhoto({ photo_code: code, url: null, reason: 'skipped' }).url).toBeNull();
  });
});
