// Migration 0045 on each storage: a database written by an older version, whose SESSION:COMPLETE payload holds the
// capture link with its token, is migrated at the next start; afterwards no table holds the token, the other events
// are untouched, and a signed stream still carries the whole link (put back from the sealed copy).
import { createPaveClient, type PaveClient } from '@pave/client';
import {
  CompleteEvent,
  parseCaptureUrl,
  statusChangePayload,
  toResultsBody,
  type LiveEvent,
  type Session,
} from '@pave/domain';
import { sql } from 'kysely';
import { openRawStorage, readSqliteFiles, tablesHolding } from '../testing/raw-storage.js';
import { startTestApp, stopTestApp, type TestApp } from '../testing/test-app.js';
import { startTestServer } from '../testing/test-server.js';
import { describeEachStorage } from '../testing/test-storage.js';

const start = new Date('2026-03-01T10:00:00Z');
const migration = '0045_events_without_capture_tokens';

type StoredEvent = { seq: number; event: string; payload: string };

describeEachStorage('migration 0045: events without capture tokens', (kind) => {
  let app: TestApp;
  let pave: PaveClient;

  beforeEach(async () => {
    app = await startTestApp(kind.create, start);
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  });
  afterEach(() => stopTestApp(app));

  /** Makes the session COMPLETE with its two events as a version before 0045 stored them, and forgets 0045 ran. */
  async function writeAsBefore(session: Session): Promise<StoredEvent[]> {
    const raw = openRawStorage(app.storage);
    try {
      const row = await sql<{ id: number | string; account_id: number | string }>`
        select id, account_id from sessions where session_key = ${session.session_key}`.execute(raw.db);
      const { id, account_id: accountId } = row.rows[0] ?? { id: -1, account_id: -1 };
      const at = start.getTime();
      await sql`update sessions set status = 'COMPLETE', inspect_started_at = ${at}, inspect_ended_at = ${at}
        where id = ${id}`.execute(raw.db);
      const completed = await pave.sessions.get(session.session_key);
      const events: StoredEvent[] = [
        {
          seq: 1,
          event: 'SESSION:STATUS_CHANGE',
          payload: JSON.stringify(statusChangePayload(session.session_key, 'IDLE', 'COMPLETE')),
        },
        { seq: 2, event: 'SESSION:COMPLETE', payload: JSON.stringify(toResultsBody(completed, [], 'acme')) },
      ];
      for (const event of events) {
        await sql`insert into session_events
          (event_id, account_id, session_id, session_key, seq, event, payload, created_at)
          values (${`msg_old${event.seq}`}, ${accountId}, ${id}, ${session.session_key}, ${event.seq}, ${event.event},
            ${event.payload}, ${at})`.execute(raw.db);
      }
      await sql`delete from kysely_migration where name = ${migration}`.execute(raw.db);
      return events;
    } finally {
      await raw.close();
    }
  }

  async function storedEvents(): Promise<StoredEvent[]> {
    const raw = openRawStorage(app.storage);
    try {
      const { rows } = await sql<StoredEvent>`select seq, event, payload from session_events order by seq`.execute(
        raw.db,
      );
      return rows.map((row) => ({ seq: Number(row.seq), event: row.event, payload: row.payload }));
    } finally {
      await raw.close();
    }
  }

  async function restart(): Promise<void> {
    await app.server.close();
    await app.repo.close();
    app.repo = await app.storage.open();
    app.server = await startTestServer(app.repo, { now: app.clock.read });
    pave = createPaveClient({ baseUrl: app.server.baseUrl, ...app.acme, now: app.clock.read, retry: { limit: 0 } });
  }

  it('cuts the token off stored SESSION:COMPLETE payloads, and the stream still sends the whole link', async () => {
    const session = await pave.sessions.create({});
    const token = parseCaptureUrl(session.capture_url)?.token ?? '';
    const bare = `${app.server.baseUrl}/capture/${session.session_key}`;
    const before = await writeAsBefore(session);
    expect(await tablesHolding(app.storage, token)).toEqual({ session_events: 1 });

    await restart();

    expect(await tablesHolding(app.storage, token)).toEqual({});
    expect(readSqliteFiles(app.storage).filter((bytes) => bytes.includes(token))).toEqual([]);
    const [status, complete] = await storedEvents();
    expect(status).toEqual(before[0]);
    // the same text, key for key, but for the token
    expect(complete?.payload).toBe(before[1]?.payload.replace(`${bare}#${token}`, bare));
    const streamed: LiveEvent[] = [];
    for await (const event of pave.sessions.events(session.session_key)) streamed.push(event);
    const body = CompleteEvent.parse(streamed.find((event) => event.body.event === 'SESSION:COMPLETE')?.body);
    expect(body.session.capture_url).toBe(session.capture_url);
    // applied once: a further start changes nothing
    await restart();
    expect(await storedEvents()).toEqual([status, complete]);
  });
});
