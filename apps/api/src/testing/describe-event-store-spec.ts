import type { SessionEventPayload, SessionKey } from '@pave/domain';
import type { Repository, SessionRow } from '../storage/repository.js';
import { day, newSession, photo, t0 } from './repository-fixtures.js';
import { createTestAccount } from './test-accounts.js';

/** The behaviour of the outbox (`repo.events`, and the events the writing stores record) every implementation shares. */
export function describeEventStoreSpec(repo: () => Repository): void {
  async function session(key = 'ACM-000000000A', username = 'acme'): Promise<SessionRow> {
    const { account } = await createTestAccount(repo(), username);
    const row = await repo().sessions.insert(newSession(account.id, key));
    if (!row) throw new Error('insert failed');
    return row;
  }

  function stageChange(key: string): SessionEventPayload {
    return {
      event: 'SESSION:STAGE_CHANGE',
      payload: {
        session_key: key as SessionKey,
        photo_code: 1,
        photo_label: 'VIN',
        photo_url: 'https://pave.example.test/images/a.jpg',
        photo_status: 'ACCEPTED',
        message: null,
      },
    };
  }

  describe('session events', () => {
    it('records a status change with its seq in the same transaction, and nothing when the change loses', async () => {
      const row = await session();
      expect(await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 })).toBe(true);
      expect(await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 })).toBe(
        false,
      );
      const events = await repo().events.listForSession(row.id);
      expect(events.map((e) => [e.seq, e.event, e.payload, e.accountId, e.sessionKey, e.createdAt])).toEqual([
        [
          1,
          'SESSION:STATUS_CHANGE',
          { session_key: row.sessionKey, status: 'STARTED', previous_status: 'IDLE' },
          row.accountId,
          row.sessionKey,
          t0,
        ],
      ]);
      expect(events[0]?.eventId).toMatch(/^msg_[0-9a-f]{24}$/);
    });

    it("numbers each session's events 1, 2, 3… on their own, and reads after a seq", async () => {
      const a = await session('ACM-000000000A');
      const b = await session('BCM-000000000B', 'bcme');
      await repo().sessions.updateStatus({ sessionId: a.id, from: 'IDLE', to: 'STARTED', at: t0 });
      await repo().attempts.append(photo(a.id, 1, t0 + 1000), { events: () => [stageChange(a.sessionKey)] });
      await repo().sessions.updateStatus({ sessionId: b.id, from: 'IDLE', to: 'STARTED', at: t0 });
      await repo().sessions.updateStatus({
        sessionId: a.id,
        from: 'STARTED',
        to: 'PROCESS',
        at: t0 + 2000,
        events: [stageChange(a.sessionKey)],
      });
      const ofA = await repo().events.listForSession(a.id);
      expect(ofA.map((e) => [e.seq, e.event])).toEqual([
        [1, 'SESSION:STATUS_CHANGE'],
        [2, 'SESSION:STAGE_CHANGE'],
        [3, 'SESSION:STATUS_CHANGE'],
        [4, 'SESSION:STAGE_CHANGE'],
      ]);
      expect((await repo().events.listForSession(a.id, 2)).map((e) => e.seq)).toEqual([3, 4]);
      expect((await repo().events.listForSession(b.id)).map((e) => e.seq)).toEqual([1]);
    });

    it('gives concurrent changes of one session distinct consecutive seqs', async () => {
      const row = await session();
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          repo().attempts.append(photo(row.id, 1, t0 + i), { events: () => [stageChange(row.sessionKey)] }),
        ),
      );
      const seqs = (await repo().events.listForSession(row.id)).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it("queues one delivery per event its account has a callback for, and none for another account's", async () => {
      const row = await session();
      const other = await session('OTH-000000000A', 'other');
      const callback = { method: 'POST', headers: {}, payload: {}, url: 'https://hooks.example.test/pave' } as const;
      await repo().callbacks.save({ ...callback, accountId: row.accountId, event: 'SESSION:STAGE_CHANGE' }, t0);
      await repo().callbacks.save({ ...callback, accountId: other.accountId, event: 'SESSION:STATUS_CHANGE' }, t0);
      // one change that records two events (a status change and a stage change), then one more of each
      const change = { sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 } as const;
      await repo().sessions.updateStatus({ ...change, events: [stageChange(row.sessionKey)] });
      await repo().attempts.append(photo(row.id, 1, t0 + 1), { events: () => [stageChange(row.sessionKey)] });
      await repo().sessions.updateStatus({ ...change, from: 'STARTED', to: 'PROCESS', at: t0 + 2 });
      const events = await repo().events.listForSession(row.id);
      expect(events.map((e) => [e.seq, e.event])).toEqual([
        [1, 'SESSION:STATUS_CHANGE'],
        [2, 'SESSION:STAGE_CHANGE'],
        [3, 'SESSION:STAGE_CHANGE'],
        [4, 'SESSION:STATUS_CHANGE'],
      ]);
      const queued = await repo().deliveries.list({ accountId: row.accountId, limit: 10, beforeId: null });
      expect(queued.map((d) => [d.seq, d.event, d.state, d.failedTries, d.nextAttemptAt]).reverse()).toEqual([
        [2, 'SESSION:STAGE_CHANGE', 'pending', 0, t0],
        [3, 'SESSION:STAGE_CHANGE', 'pending', 0, t0 + 1],
      ]);
      expect(queued.map((d) => d.eventId).sort()).toEqual([events[1]?.eventId, events[2]?.eventId].sort());
      expect(await repo().deliveries.list({ accountId: other.accountId, limit: 10, beforeId: null })).toEqual([]);
    });

    it('gives notes added during appends of one session distinct consecutive seqs', async () => {
      const row = await session();
      const note = (i: number) =>
        repo().notes.add({ sessionId: row.id, note: `note ${i}`, author: 'reviewer', createdAt: t0 + i }, (added) => ({
          ...added,
          created_at: '2026-03-01T10:00:00+00:00',
        }));
      const append = (i: number) =>
        repo().attempts.append(photo(row.id, 1, t0 + i), { events: () => [stageChange(row.sessionKey)] });
      await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? note(i) : append(i))));
      const events = await repo().events.listForSession(row.id);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(events.filter((e) => e.event === 'SESSION:NOTE_INSERT')).toHaveLength(8);
    });

    it('records nothing when an append is refused', async () => {
      const row = await session();
      await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'INVALID', at: t0 });
      const refused = await repo().attempts.append(photo(row.id, 1, t0), {
        whileStatusIn: ['IDLE'],
        events: () => [stageChange(row.sessionKey)],
      });
      expect(refused.ok).toBe(false);
      expect((await repo().events.listForSession(row.id)).map((e) => e.event)).toEqual(['SESSION:STATUS_CHANGE']);
    });

    it('records an expiry with the status each session had', async () => {
      const idle = await session('ACM-000000000A');
      const started = await session('BCM-000000000B', 'bcme');
      await repo().sessions.updateStatus({ sessionId: started.id, from: 'IDLE', to: 'STARTED', at: t0 });
      expect(await repo().sessions.expireOverdue(t0 + 8 * day, 'any')).toBe(2);
      const last = async (row: SessionRow) => (await repo().events.listForSession(row.id)).at(-1)?.payload;
      expect(await last(idle)).toEqual({ session_key: idle.sessionKey, status: 'EXPIRED', previous_status: 'IDLE' });
      expect(await last(started)).toMatchObject({ status: 'EXPIRED', previous_status: 'STARTED' });
    });

    it('refuses a payload that fails its schema, rolling the change back', async () => {
      const row = await session();
      const bad = { event: 'SESSION:STAGE_CHANGE', payload: { session_key: row.sessionKey } } as never;
      await expect(
        repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0, events: [bad] }),
      ).rejects.toThrow();
      expect((await repo().sessions.findByKey(row.sessionKey, 'any'))?.status).toBe('IDLE');
      expect(await repo().events.listForSession(row.id)).toEqual([]);
    });

    it('tells listeners about committed events', async () => {
      const row = await session();
      const heard: number[] = [];
      const stop = repo().events.onRecorded(({ events }) => heard.push(...events.map((e) => e.seq)));
      await repo().sessions.updateStatus({ sessionId: row.id, from: 'IDLE', to: 'STARTED', at: t0 });
      stop();
      await repo().sessions.updateStatus({ sessionId: row.id, from: 'STARTED', to: 'PROCESS', at: t0 });
      expect(heard).toEqual([1]);
    });
  });
}
