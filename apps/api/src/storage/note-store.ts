import { SessionKey } from '@pave/domain';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { recordEvents, type EventBus } from './event-store.js';
import type { NoteStore } from './repository.js';
import { toNoteRow } from './row-mappers.js';

/** Reviewers' notes on Kysely (SQLite or PostgreSQL); each note's `SESSION:NOTE_INSERT` is recorded with it. */
export function createNoteStore(db: Kysely<Database>, bus: EventBus): NoteStore {
  return {
    async add(note, toWire) {
      const { row, recorded } = await db.transaction().execute(async (trx) => {
        // the session's row lock first (the write lock on SQLite), as every writer of its events takes it: an
        // append or a status change at the same time then cannot read the same last seq
        const session = await trx
          .updateTable('sessions')
          .set((eb) => ({ updated_at: eb.ref('updated_at') }))
          .where('id', '=', note.sessionId)
          .returning(['account_id', 'session_key'])
          .executeTakeFirstOrThrow();
        const inserted = await trx
          .insertInto('session_notes')
          .values({ session_id: note.sessionId, note: note.note, author: note.author, created_at: note.createdAt })
          .returningAll()
          .executeTakeFirstOrThrow();
        const added = toNoteRow(inserted);
        const sessionKey = SessionKey.parse(session.session_key);
        const target = { accountId: Number(session.account_id), sessionId: note.sessionId, sessionKey };
        const payload = { session_key: sessionKey, note: toWire(added) };
        const recorded = await recordEvents(trx, target, [{ event: 'SESSION:NOTE_INSERT', payload }], note.createdAt);
        return { row: added, recorded };
      });
      bus.emit(recorded);
      return row;
    },
    async listForSession(sessionId) {
      const rows = await db
        .selectFrom('session_notes')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toNoteRow);
    },
  };
}
