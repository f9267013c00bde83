import type { SessionKey } from '@pave/domain';
import type { NewAttempt, Repository } from '../storage/repository.js';
import { day, newSession, photo, t0 } from './repository-fixtures.js';
import { createTestAccount } from './test-accounts.js';

/** The behaviour of `repo.attempts` every implementation shares. */
export function describeAttemptStoreSpec(repo: () => Repository): void {
  describe('attempts', () => {
    async function sessionId(): Promise<number> {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      return row.id;
    }

    it('lists nothing for a session without attempts', async () => {
      expect(await repo().attempts.listForSession(await sessionId())).toEqual([]);
    });

    it('appends in capture order and supersedes the previous attempt of the same code', async () => {
      const id = await sessionId();
      await repo().attempts.append({ ...photo(id, 2, t0 + 1000), verdict: { approved: false, reason: 'blurry' } });
      await repo().attempts.append(photo(id, 1, t0 + 3000));
      const retake = await repo().attempts.append(photo(id, 2, t0 + 9000));
      expect(retake).toMatchObject({ ok: true, value: { seq: 3, updatedAt: t0 + 11000 } });
      const rows = await repo().attempts.listForSession(id);
      expect(
        rows.map((r) => [r.seq, r.photoCode, r.approved, r.reasonCode, r.reason, r.createdAt, r.updatedAt]),
      ).toEqual([
        [1, 2, false, 'blurry', 'Blurry Image', t0 + 1000, t0 + 9000],
        [2, 1, true, null, null, t0 + 3000, t0 + 5000],
        [3, 2, true, null, null, t0 + 9000, t0 + 11000],
      ]);
      expect(rows[0]?.verdictAt).toBe(t0 + 3000);
      expect(rows[0]?.qaMeasures).toEqual({ meanLuma: 120.5, portrait: false });
      expect((await repo().sessions.findByKey('ACM-000000000A' as SessionKey, 'any'))?.updatedAt).toBe(t0 + 9000);
    });

    it('raises a late-committed created_at to the latest stored, so seq order and time order agree', async () => {
      const id = await sessionId();
      await repo().attempts.append(photo(id, 1, t0 + 5000));
      const late = await repo().attempts.append({ ...photo(id, 2, t0 + 1000), verdictAt: t0 + 1500 });
      await repo().attempts.append(photo(id, 3, t0 + 7000));
      expect(late).toMatchObject({ ok: true, value: { seq: 2, createdAt: t0 + 5000, verdictAt: t0 + 5000 } });
      const rows = await repo().attempts.listForSession(id);
      expect(rows.map((r) => [r.seq, r.photoCode, r.createdAt, r.updatedAt])).toEqual([
        [1, 1, t0 + 5000, t0 + 7000],
        [2, 2, t0 + 5000, t0 + 5000],
        [3, 3, t0 + 7000, t0 + 9000],
      ]);
    });

    it('never lets a superseded attempt end before it began, whatever order the retakes commit in', async () => {
      const id = await sessionId();
      await repo().attempts.append(photo(id, 2, t0 + 9000));
      await repo().attempts.append(photo(id, 2, t0 + 3000));
      const rows = await repo().attempts.listForSession(id);
      expect(rows.map((r) => [r.seq, r.createdAt, r.updatedAt])).toEqual([
        [1, t0 + 9000, t0 + 9000],
        [2, t0 + 9000, t0 + 9000],
      ]);
    });

    it('answers, with each append, the attempts a read right after it finds', async () => {
      const id = await sessionId();
      // a first attempt, a late-committed one (created_at raised), a manual entry, a skip and two retakes
      const entry = (photoCode: 1 | 5, kind: 'manual' | 'skip', at: number): NewAttempt =>
        kind === 'manual'
          ? { sessionId: id, photoCode, kind, manualValue: '1HGCM82633A004352', createdAt: at, verdictAt: at }
          : { sessionId: id, photoCode, kind, createdAt: at, verdictAt: at };
      const appends: NewAttempt[] = [
        photo(id, 2, t0 + 5000),
        { ...photo(id, 4, t0 + 1000), verdict: { approved: false, reason: 'blurry' } },
        entry(1, 'manual', t0 + 6000),
        entry(5, 'skip', t0 + 6500),
        photo(id, 4, t0 + 7000),
        photo(id, 2, t0 + 8000),
      ];
      for (const [index, given] of appends.entries()) {
        const appended = await repo().attempts.appendReading(given);
        if (!appended.ok) throw new Error(`append ${index} refused: ${appended.error.code}`);
        const read = await repo().attempts.listForSession(id);
        expect(appended.value.attempts).toEqual(read);
        expect(appended.value.attempt).toEqual(read.at(-1));
        expect(read).toHaveLength(index + 1);
      }
    });

    it('keeps every one of many concurrent appends, in one consistent order', async () => {
      const id = await sessionId();
      const codes = [2, 1, 2, 3, 2, 9, 6, 2, 4, 5, 2, 10, 11, 2, 7, 8] as const;
      // arrival times out of commit order on purpose: later uploads may finish QA first
      const results = await Promise.all(
        codes.map((code, index) => repo().attempts.append(photo(id, code, t0 + ((index * 7919) % 23) * 1000))),
      );
      expect(results.every((result) => result.ok)).toBe(true);
      const rows = await repo().attempts.listForSession(id);
      expect(rows.map((r) => r.seq)).toEqual(codes.map((_code, index) => index + 1));
      expect(rows.map((r) => r.photoCode).sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
      rows.slice(1).forEach((row, index) => expect(row.createdAt).toBeGreaterThanOrEqual(rows[index]?.createdAt ?? 0));
      for (const row of rows) expect(row.updatedAt).toBeGreaterThanOrEqual(row.createdAt);
      const interior = rows.filter((r) => r.photoCode === 2);
      interior.slice(0, -1).forEach((row, index) => expect(row.updatedAt).toBe(interior[index + 1]?.createdAt));
    });

    it('appends only while the session is in an allowed status, and says which status refused it', async () => {
      const id = await sessionId();
      const allowed = { whileStatusIn: ['IDLE', 'STARTED'] } as const;
      expect(await repo().attempts.append(photo(id, 1, t0), allowed)).toMatchObject({ ok: true });
      await repo().sessions.updateStatus({ sessionId: id, from: 'IDLE', to: 'COMPLETE', at: t0 });
      expect(await repo().attempts.append(photo(id, 2, t0), allowed)).toEqual({
        ok: false,
        error: { code: 'session_closed', status: 'COMPLETE' },
      });
      expect(await repo().attempts.append(photo(987654, 2, t0), allowed)).toEqual({
        ok: false,
        error: { code: 'session_not_found' },
      });
      expect((await repo().attempts.listForSession(id)).map((r) => r.photoCode)).toEqual([1]);
    });

    it.each(['PROCESS', 'QC_PASSED', 'CONFIRM'] as const)(
      'refuses an attempt to an overdue %s session under its lock, as EXPIRED',
      async (status) => {
        const id = await sessionId();
        await repo().sessions.updateStatus({ sessionId: id, from: 'IDLE', to: status, at: t0 });
        const overdue = t0 + 7 * day;
        const options = { whileStatusIn: ['PROCESS', 'QC_PASSED', 'CONFIRM'], notExpiredAt: overdue } as const;
        expect(await repo().attempts.append(photo(id, 2, t0), { ...options, notExpiredAt: overdue - 1 })).toMatchObject(
          {
            ok: true,
          },
        );
        expect(await repo().attempts.append(photo(id, 3, t0), options)).toEqual({
          ok: false,
          error: { code: 'session_closed', status: 'EXPIRED' },
        });
        expect((await repo().attempts.listForSession(id)).map((r) => r.photoCode)).toEqual([2]);
      },
    );

    it('moves an overdue session only to EXPIRED when a status change says notExpiredAt', async () => {
      const id = await sessionId();
      await repo().sessions.updateStatus({ sessionId: id, from: 'IDLE', to: 'QC_PASSED', at: t0 });
      const late = t0 + 7 * day;
      const change = { sessionId: id, from: 'QC_PASSED', to: 'COMPLETE', at: late, notExpiredAt: late } as const;
      expect(await repo().sessions.updateStatus(change)).toBe(false);
      expect(await repo().sessions.updateStatus({ ...change, at: late - 1, notExpiredAt: late - 1 })).toBe(true);
    });

    it('tells which image ids some attempt points to, for any number of ids', async () => {
      const id = await sessionId();
      await repo().attempts.append(photo(id, 1, t0));
      await repo().attempts.append(photo(id, 2, t0 + 1));
      const strangers = Array.from({ length: 1200 }, (_, index) => `stranger-${index}`);
      const asked = [...strangers.slice(0, 700), `img-2-${t0 + 1}`, ...strangers.slice(700), `img-1-${t0}`];
      expect([...(await repo().attempts.findReferencedImageIds(asked))].sort()).toEqual([
        `img-1-${t0}`,
        `img-2-${t0 + 1}`,
      ]);
      expect(await repo().attempts.findReferencedImageIds([])).toEqual(new Set());
    });

    it('stores manual entries as accepted and skips as rejected "skipped", without images', async () => {
      const id = await sessionId();
      await repo().attempts.append({
        kind: 'manual',
        sessionId: id,
        photoCode: 1,
        manualValue: '1HGCM82633A004352',
        createdAt: t0,
        verdictAt: t0,
      });
      await repo().attempts.append({ kind: 'skip', sessionId: id, photoCode: 4, createdAt: t0 + 1, verdictAt: t0 + 1 });
      const rows = await repo().attempts.listForSession(id);
      expect(rows.map((r) => [r.kind, r.approved, r.reasonCode, r.imageId, r.manualValue, r.qaMeasures])).toEqual([
        ['manual', true, null, null, '1HGCM82633A004352', null],
        ['skip', false, 'skipped', null, null, null],
      ]);
    });

    it("keeps PAVE's free-text reasons without a code", async () => {
      const id = await sessionId();
      await repo().attempts.append({
        ...photo(id, 10, t0),
        verdict: { approved: false, reason: { text: 'Vehicle not in frame' } },
      });
      const [row] = await repo().attempts.listForSession(id);
      expect([row?.reason, row?.reasonCode]).toEqual(['Vehicle not in frame', null]);
    });

    it('refuses an attempt for a session that does not exist', async () => {
      expect(await repo().attempts.append(photo(987654, 1, t0))).toEqual({
        ok: false,
        error: { code: 'session_not_found' },
      });
    });

    it("deletes a session's attempts with it", async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      await repo().attempts.append(photo(row.id, 1, t0));
      expect(await repo().sessions.deleteIfIdle(account.id, row.sessionKey)).toBe('deleted');
      expect(await repo().attempts.listForSession(row.id)).toEqual([]);
    });
  });
}
