import { acceptingStatuses, isExteriorCode, type SessionKey } from '@pave/domain';
import type { NewAttempt, Repository, StatusChange } from '../storage/repository.js';
import { newSession } from '../testing/repository-fixtures.js';
import { samplePhotos, seedSampleAttempts } from '../testing/sample-attempts.js';
import { createTestAccount } from '../testing/test-accounts.js';
import { describeEachStorage, type TestStorage } from '../testing/test-storage.js';
import { testSecretBox } from '../testing/test-secret-box.js';
import { createSessionLifecycle } from './session-lifecycle.js';

// The sample's attempts make a complete capture; its Interior (not an exterior view) cannot be left rejected.
const interior = samplePhotos.find((photo) => !isExteriorCode(photo.photo_code))?.photo_code;
const now = new Date('2026-01-01T00:00:00Z');

describeEachStorage('session lifecycle: confirm', (kind) => {
  let storage: TestStorage;
  let repo: Repository;

  beforeEach(async () => {
    storage = await kind.create();
    repo = await storage.open();
  });
  afterEach(async () => {
    await repo.close();
    await storage.destroy();
  });

  /** A started session holding the sample's complete capture. */
  async function completeSession(): Promise<{ key: SessionKey; id: number }> {
    const { account } = await createTestAccount(repo, 'acme');
    const row = await repo.sessions.insert(newSession(account.id, 'ACM-00000000CF', now.getTime() - 86_400_000));
    if (!row) throw new Error('insert failed');
    await repo.sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: row.createdAt });
    await seedSampleAttempts(repo, row.id);
    return { key: row.sessionKey, id: row.id };
  }

  /** A rejected retake of the Interior, as the capture app would append it. */
  const rejectedRetake = (sessionId: number): NewAttempt => {
    if (interior === undefined) throw new Error('the sample has an Interior photo');
    return {
      kind: 'photo',
      sessionId,
      photoCode: interior,
      imageId: 'retake',
      imageBytes: 1000,
      verdict: { approved: false, reason: 'too_dark' },
      qaMeasures: null,
      processingMs: 900,
      createdAt: now.getTime(),
      verdictAt: now.getTime(),
    };
  };

  it('completes a capture whose attempts stay as they were read', async () => {
    const { key } = await completeSession();
    const lifecycle = createSessionLifecycle({
      repo,
      now: () => now,
      publicBaseUrl: 'http://pave.test',
      secretBox: testSecretBox,
    });

    const confirmed = await lifecycle.confirm(key);

    expect(confirmed).toMatchObject({ ok: true, value: { status: 'COMPLETE' } });
  });

  it('does not complete a capture when a rejected retake is appended between its reading and its change', async () => {
    const { key, id } = await completeSession();
    let raced = false;
    // the retake commits right before the confirm's compare-and-set reaches storage
    const racing: Repository = {
      ...repo,
      sessions: {
        ...repo.sessions,
        async updateStatus(change: StatusChange) {
          if (change.to === 'COMPLETE' && !raced) {
            raced = true;
            const appended = await repo.attempts.append(rejectedRetake(id), { whileStatusIn: acceptingStatuses });
            expect(appended.ok).toBe(true);
          }
          return repo.sessions.updateStatus(change);
        },
      },
    };
    const lifecycle = createSessionLifecycle({
      repo: racing,
      now: () => now,
      publicBaseUrl: 'http://pave.test',
      secretBox: testSecretBox,
    });

    const confirmed = await lifecycle.confirm(key);

    expect(raced).toBe(true);
    expect(confirmed).toMatchObject({ ok: false, error: { code: 'invalid_transition', event: 'confirm' } });
    const status = (await repo.sessions.findByKey(key, 'any'))?.status;
    expect(status).not.toBe('COMPLETE');
    expect((await lifecycle.settle(key))?.session.status).toBe('PROCESS');
  });
});
