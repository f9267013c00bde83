import type { SessionKey, SessionStatus } from '@pave/domain';
import { buildSessionSettings } from '@pave/domain/testing';
import type { NoteRow, Repository } from '../storage/repository.js';
import { day, newSession, photo, t0 } from './repository-fixtures.js';
import { createTestAccount } from './test-accounts.js';

const noteOnWire = (row: NoteRow) => ({
  id: row.id,
  note: row.note,
  author: row.author,
  created_at: '2024-01-01T12:00:00+00:00',
});

/** The behaviour of `repo.sessions` every implementation shares. */
export function describeSessionStoreSpec(repo: () => Repository): void {
  describe('sessions', () => {
    it('inserts an IDLE session and refuses a taken key with null', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(
        newSession(account.id, 'ACM-AAAAAAAAAA', t0, {
          settings: buildSessionSettings({ vehicle: { vin: '1HGCM82633A004352', year: 2003 } }),
        }),
      );
      expect(row).toMatchObject({
        sessionKey: 'ACM-AAAAAAAAAA',
        status: 'IDLE',
        createdAt: t0,
        updatedAt: t0,
        expiresAt: t0 + 7 * day,
        settings: { vehicle: { vin: '1HGCM82633A004352', year: 2003 } },
        inspectStartedAt: null,
        version: 0,
      });
      expect(await repo().sessions.insert(newSession(account.id, 'ACM-AAAAAAAAAA'))).toBeNull();
    });

    it("finds a session only within its account's scope, or with scope any", async () => {
      const { account: owner } = await createTestAccount(repo(), 'owner');
      const { account: other } = await createTestAccount(repo(), 'other');
      await repo().sessions.insert(newSession(owner.id, 'OWN-AAAAAAAAAA'));
      const key = 'OWN-AAAAAAAAAA' as SessionKey;
      expect((await repo().sessions.findByKey(key, { accountId: owner.id }))?.sessionKey).toBe(key);
      expect(await repo().sessions.findByKey(key, { accountId: other.id })).toBeNull();
      expect((await repo().sessions.findByKey(key, 'any'))?.accountId).toBe(owner.id);
    });

    it('answers many lookups made at once (batched) each in its own scope, and then sees a write', async () => {
      const { account: owner } = await createTestAccount(repo(), 'owner');
      const { account: other } = await createTestAccount(repo(), 'other');
      const keys = Array.from({ length: 300 }, (_, i) => `OWN-${String(i).padStart(10, '0')}` as SessionKey);
      for (const key of keys.slice(0, 200)) await repo().sessions.insert(newSession(owner.id, key));
      const found = await Promise.all(
        keys.flatMap((key) => [
          repo().sessions.findByKey(key, { accountId: owner.id }),
          repo().sessions.findByKey(key, { accountId: other.id }),
          repo().sessions.findByKey(key, 'any'),
        ]),
      );
      const expected = keys.flatMap((key, i) => (i < 200 ? [key, null, key] : [null, null, null]));
      expect(found.map((row) => row?.sessionKey ?? null)).toEqual(expected);
      const [row] = found;
      if (!row) throw new Error('expected the first session');
      await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 + 1 });
      expect((await repo().sessions.findByKey(row.sessionKey, 'any'))?.status).toBe('STARTED');
    });

    it('lists newest first, ties broken by id, filtered by status, page by page', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      for (const [index, key] of ['ACM-000000000A', 'ACM-000000000B', 'ACM-000000000C'].entries()) {
        await repo().sessions.insert(newSession(account.id, key, t0 + (index === 2 ? 1000 : 0)));
      }
      const first = await repo().sessions.listPage({ accountId: account.id, limit: 2, after: null });
      expect(first.map((s) => s.sessionKey)).toEqual(['ACM-000000000C', 'ACM-000000000B']);
      const last = first[1];
      if (!last) throw new Error('expected two rows');
      const second = await repo().sessions.listPage({ accountId: account.id, limit: 2, after: last });
      expect(second.map((s) => s.sessionKey)).toEqual(['ACM-000000000A']);
      const started = await repo().sessions.listPage({
        accountId: account.id,
        status: 'STARTED',
        limit: 5,
        after: null,
      });
      expect(started).toEqual([]);
    });

    it('deletes only an IDLE session of the account', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const { account: other } = await createTestAccount(repo(), 'other');
      const idle = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      const started = await repo().sessions.insert(newSession(account.id, 'ACM-000000000B'));
      if (!idle || !started) throw new Error('inserts failed');
      await repo().sessions.updateStatus({ sessionId: started.id, from: 'IDLE', to: 'STARTED', at: t0 + 1 });
      expect(await repo().sessions.deleteIfIdle(other.id, idle.sessionKey)).toBe('not_found');
      expect(await repo().sessions.deleteIfIdle(account.id, started.sessionKey)).toBe('not_idle');
      expect(await repo().sessions.deleteIfIdle(account.id, idle.sessionKey)).toBe('deleted');
      expect(await repo().sessions.findByKey(idle.sessionKey, 'any')).toBeNull();
    });

    it('changes a status only from the expected one (compare-and-set)', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      expect(await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 + 5 })).toBe(
        true,
      );
      expect(await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'INVALID', at: t0 + 6 })).toBe(
        false,
      );
      expect(await repo().sessions.findByKey(row.sessionKey, 'any')).toMatchObject({
        status: 'STARTED',
        updatedAt: t0 + 5,
      });
    });

    it('changes a status only at the expected photos version, when one is given', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      const change = { sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 + 5 } as const;
      await repo().attempts.append(photo(row.id, 1, t0 + 1)); // raises photos_version past the row's
      expect(await repo().sessions.updateStatus({ ...change, photosVersion: row.photosVersion })).toBe(false);
      const current = await repo().sessions.findByKey(row.sessionKey, 'any');
      expect(current?.photosVersion).toBe(row.photosVersion + 1);
      expect(await repo().sessions.updateStatus({ ...change, photosVersion: row.photosVersion + 1 })).toBe(true);
      expect((await repo().sessions.findByKey(row.sessionKey, 'any'))?.status).toBe('STARTED');
    });

    it('marks the start and the end of the inspection on the first moves there, once', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      const move = (from: SessionStatus, to: SessionStatus, at: number) =>
        repo().sessions.updateStatus({ sessionId: row.id, from, to, at });
      await move('IDLE', 'STARTED', t0 + 1);
      await move('STARTED', 'PROCESS', t0 + 2);
      await move('PROCESS', 'QC_PASSED', t0 + 3);
      expect(await repo().sessions.findByKey(row.sessionKey, 'any')).toMatchObject({
        inspectStartedAt: t0 + 1,
        inspectEndedAt: null,
      });
      await move('QC_PASSED', 'COMPLETE', t0 + 4);
      expect(await repo().sessions.findByKey(row.sessionKey, 'any')).toMatchObject({
        inspectStartedAt: t0 + 1,
        inspectEndedAt: t0 + 4,
      });
    });

    it('changes settings only while status, version and photos version are as read (compare-and-set)', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      const settings = buildSessionSettings({ language: 'FR', reference: { claim: 'C-1' }, sms: { to: '+15550100' } });
      const change = { sessionId: row.id, status: row.status, version: 0, photosVersion: 0, settings, at: t0 + 5 };
      const changed = await repo().sessions.updateSettings(change);
      expect(changed).toMatchObject({ settings, version: 1, updatedAt: t0 + 5 });
      expect(await repo().sessions.updateSettings(change)).toBeNull(); // version 0 is gone
      await repo().attempts.append(photo(row.id, 1, t0 + 6));
      expect(await repo().sessions.updateSettings({ ...change, version: 1 })).toBeNull(); // an attempt came in
      await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 + 7 });
      expect(await repo().sessions.updateSettings({ ...change, version: 1, photosVersion: 1 })).toBeNull();
      expect((await repo().sessions.findByKey(row.sessionKey, 'any'))?.settings).toEqual(settings);
    });

    it('invalidates with a reason, only from the status read', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      const invalidation = { sessionId: row.id, from: 'STARTED', reason: 'Leaked link', at: t0 + 1 } as const;
      expect(await repo().sessions.invalidate(invalidation)).toBe(false);
      expect(await repo().sessions.invalidate({ ...invalidation, from: 'IDLE' })).toBe(true);
      expect(await repo().sessions.findByKey(row.sessionKey, 'any')).toMatchObject({
        status: 'INVALID',
        invalidReason: 'Leaked link',
        updatedAt: t0 + 1,
      });
    });

    it('keeps a typed VIN and odometer reading with the attempt that typed them', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      if (!row) throw new Error('insert failed');
      const manual = { sessionId: row.id, kind: 'manual', createdAt: t0, verdictAt: t0 } as const;
      await repo().attempts.append({ ...manual, photoCode: 1, manualValue: '1HGCM82633A004352' });
      await repo().attempts.append({ ...manual, photoCode: 3, manualValue: '100945' });
      expect((await repo().sessions.findByKey(row.sessionKey, 'any'))?.learned).toEqual({
        vin: '1HGCM82633A004352',
        odom_reading: 100945,
      });
    });

    it('keeps notes per session, oldest first, and deletes them with the session', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const row = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A'));
      const other = await repo().sessions.insert(newSession(account.id, 'ACM-000000000B'));
      if (!row || !other) throw new Error('insert failed');
      const first = await repo().notes.add(
        { sessionId: row.id, note: 'Dent', author: 'acme', createdAt: t0 },
        noteOnWire,
      );
      await repo().notes.add({ sessionId: other.id, note: 'Other', author: 'acme', createdAt: t0 }, noteOnWire);
      await repo().notes.add({ sessionId: row.id, note: 'Scratch', author: 'acme', createdAt: t0 }, noteOnWire);
      expect((await repo().notes.listForSession(row.id)).map((n) => n.note)).toEqual(['Dent', 'Scratch']);
      expect(first).toMatchObject({ sessionId: row.id, note: 'Dent', author: 'acme', createdAt: t0 });
      expect(await repo().sessions.deleteIfIdle(account.id, row.sessionKey)).toBe('deleted');
      expect(await repo().notes.listForSession(row.id)).toEqual([]);
    });

    it('expires overdue unfinished sessions only, within the given scope', async () => {
      const { account } = await createTestAccount(repo(), 'acme');
      const { account: other } = await createTestAccount(repo(), 'other');
      const overdue = await repo().sessions.insert(newSession(account.id, 'ACM-000000000A', t0 - 8 * day));
      const fresh = await repo().sessions.insert(newSession(account.id, 'ACM-000000000B', t0));
      const done = await repo().sessions.insert(newSession(account.id, 'ACM-000000000C', t0 - 8 * day));
      const others = await repo().sessions.insert(newSession(other.id, 'OTH-000000000A', t0 - 8 * day));
      if (!overdue || !fresh || !done || !others) throw new Error('inserts failed');
      await repo().sessions.updateStatus({ sessionId: done.id, from: 'IDLE', to: 'COMPLETE', at: t0 - 7 * day });
      expect(await repo().sessions.expireOverdue(t0, { accountId: account.id })).toBe(1);
      expect((await repo().sessions.findByKey(overdue.sessionKey, 'any'))?.status).toBe('EXPIRED');
      expect((await repo().sessions.findByKey(fresh.sessionKey, 'any'))?.status).toBe('IDLE');
      expect((await repo().sessions.findByKey(done.sessionKey, 'any'))?.status).toBe('COMPLETE');
      expect((await repo().sessions.findByKey(others.sessionKey, 'any'))?.status).toBe('IDLE');
      expect(await repo().sessions.expireOverdue(t0, 'any')).toBe(1);
    });
  });
}
