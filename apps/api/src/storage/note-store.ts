import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { NoteStore } from './repository.js';
import { toNoteRow } from './row-mappers.js';

/** Reviewers' notes on Kysely (SQLite or PostgreSQL). */
export function createNoteStore(db: Kysely<Database>): NoteStore {
  return {
    async add(note) {
      const row = await db
        .insertInto('session_notes')
        .values({ session_id: note.sessionId, note: note.note, author: note.author, created_at: note.createdAt })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toNoteRow(row);
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
