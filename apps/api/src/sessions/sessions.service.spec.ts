import { formatApiTimestamp } from '@pave/domain';
import { createTestAccount } from '../testing/test-accounts.js';
import { testSecretBox } from '../testing/test-server.js';
import { openSqliteTestRepository, type SqliteTestRepository } from '../testing/test-storage.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { createSessionKey } from './session-key.js';
import { sessionKeyTries } from './insert-session.js';
import { createSessionsService } from './sessions.service.js';

const now = new Date('2026-03-01T10:00:00Z');

/** A random source that plays back a fixed list of values, then repeats the last one. */
function playback(values: readonly number[]): (max: number) => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

describe('sessions service', () => {
  let storage: SqliteTestRepository;

  beforeEach(async () => {
    storage = await openSqliteTestRepository();
  });
  afterEach(() => storage.close());

  it('builds keys from the username prefix and the key alphabet', () => {
    expect(createSessionKey('demo', playback([0, 1, 2, 3, 4, 5, 6, 7, 26, 35]))).toBe('DEM-ABCDEFGH09');
  });

  it('retries with a fresh key when the drawn key is taken', async () => {
    const { account } = await createTestAccount(storage.repo, 'acme');
    const zeros = Array.from({ length: 10 }, () => 0);
    const ones = Array.from({ length: 10 }, () => 1);
    const service = createSessionsService({
      repo: storage.repo,
      now: () => now,
      randomInt: playback([...zeros, ...zeros, ...ones]),
      publicBaseUrl: 'http://localhost:3000',
      secretBox: testSecretBox,
    });
    const first = await service.create(account, {});
    const second = await service.create(account, {});
    expect([first.session_key, second.session_key]).toEqual(['ACM-AAAAAAAAAA', 'ACM-BBBBBBBBBB']);
  });

  it(`gives up after ${sessionKeyTries} taken keys with an error, not a loop`, async () => {
    const { account } = await createTestAccount(storage.repo, 'acme');
    const service = createSessionsService({
      repo: storage.repo,
      now: () => now,
      randomInt: () => 0,
      publicBaseUrl: 'http://localhost:3000',
      secretBox: testSecretBox,
    });
    await service.create(account, {});
    await expect(service.create(account, {})).rejects.toThrow(/free session key/);
  });

  it('reads back the cursors it makes and refuses anything else', () => {
    expect(decodeCursor(encodeCursor({ createdAt: now.getTime(), id: 42 }))).toEqual({
      createdAt: now.getTime(),
      id: 42,
    });
    expect(decodeCursor('bm9wZQ')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,-2]').toString('base64url'))).toBeNull();
    expect(decodeCursor(formatApiTimestamp(now))).toBeNull();
  });
});
