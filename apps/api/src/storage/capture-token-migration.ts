import { sql } from 'kysely';
import type { StorageDialect } from './database.js';
import type { MigrationDb } from './migration-helpers.js';

// Migration 0045. Versions before it stored each SESSION:COMPLETE payload with its session's whole `capture_url`,
// token (the fragment) included. The token is cut off here, as new events are stored (the domain's `toStoredEvent`);
// callbacks and signed streams put it back from the session's sealed copy. Kept self-contained: a later change of
// the domain must not change what this migration did.

const batchSize = 500;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored payload with its session's `capture_url` cut before the `#`; null when there is nothing to cut. */
function withoutCaptureToken(payload: string): string | null {
  const document: unknown = JSON.parse(payload);
  if (!isObject(document) || !isObject(document['session'])) return null;
  const session = document['session'];
  const url = session['capture_url'];
  if (typeof url !== 'string' || !url.includes('#')) return null;
  // spreading keeps the keys in their order, so the wire body is the same as before but for the token
  return JSON.stringify({ ...document, session: { ...session, capture_url: url.slice(0, url.indexOf('#')) } });
}

/** Cuts the token off every stored `SESSION:COMPLETE` payload, a page at a time; returns how many changed. */
async function stripPayloads(db: MigrationDb): Promise<number> {
  let after = 0;
  let changed = 0;
  for (;;) {
    const { rows } = await sql<{ id: number | string; payload: string }>`
      select id, payload from session_events
      where event = 'SESSION:COMPLETE' and id > ${after}
      order by id limit ${batchSize}`.execute(db);
    for (const row of rows) {
      const stripped = withoutCaptureToken(row.payload);
      if (stripped === null) continue;
      await sql`update session_events set payload = ${stripped} where id = ${row.id}`.execute(db);
      changed += 1;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return changed;
    after = Number(last.id);
  }
}

/**
 * Cuts the capture token off every stored `SESSION:COMPLETE` payload. Idempotent: a payload without a token is left
 * as it is, so a start interrupted half way finishes at the next. On SQLite (no transaction around migrations) the
 * old texts are also scrubbed from the file: `secure_delete` zeroes what the updates free, and a truncating
 * checkpoint empties the WAL, which held the pages as they were. PostgreSQL keeps old row versions until a
 * `VACUUM FULL session_events` (docs/security.md); it cannot run inside the migration's transaction.
 */
export async function stripEventCaptureTokens(db: MigrationDb, dialect: StorageDialect): Promise<number> {
  if (dialect === 'postgres') return stripPayloads(db);
  const { rows } = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(db);
  const previous = rows[0]?.secure_delete ?? 0;
  await sql`pragma secure_delete = on`.execute(db);
  try {
    const changed = await stripPayloads(db);
    if (changed > 0) await sql`pragma wal_checkpoint(truncate)`.execute(db);
    return changed;
  } finally {
    await sql.raw(`pragma secure_delete = ${previous === 0 ? 'off' : 'on'}`).execute(db);
  }
}
