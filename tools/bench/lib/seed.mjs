// Seeds sessions with the sample's 14 attempts straight into storage (SQLite file or PostgreSQL), in the API's schema.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sampleAttempts } from './sample-attempts.mjs';

function rows(sessionId, start) {
  return sampleAttempts.map((a) => [
    sessionId,
    a.seq,
    a.code,
    'photo',
    a.approved,
    a.reason,
    a.reasonCode,
    randomBytes(16).toString('hex'),
    start + a.createdOffset * 1000,
    start + a.updatedOffset * 1000,
    start + a.updatedOffset * 1000,
  ]);
}

const columns =
  'session_id, seq, photo_code, kind, approved, reason, reason_code, image_id, created_at, updated_at, verdict_at';

/** Seeds one session key or an array of them. */
export function seedSqlite(dataDir, sessionKeys, start = Date.now() - 3600_000) {
  const db = new Database(join(dataDir, 'pave.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const find = db.prepare('select id from sessions where session_key = ?');
    const insert = db.prepare(`insert into attempts (${columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const finish = db.prepare(
      "update sessions set status = 'QC_PASSED', photos_version = photos_version + 1 where id = ?",
    );
    db.transaction(() => {
      for (const sessionKey of [sessionKeys].flat()) {
        const { id } = find.get(sessionKey);
        for (const row of rows(id, start)) insert.run(...row.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
        finish.run(id);
      }
    })();
  } finally {
    db.close();
  }
}

/** Seeds one session key or an array of them. */
export async function seedPostgres(databaseUrl, sessionKeys, start = Date.now() - 3600_000) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const sessionKey of [sessionKeys].flat()) {
      const { rows: found } = await client.query('select id from sessions where session_key = $1', [sessionKey]);
      const sessionId = Number(found[0].id);
      for (const row of rows(sessionId, start)) {
        await client.query(`insert into attempts (${columns}) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`, row);
      }
      await client.query(
        "update sessions set status = 'QC_PASSED', photos_version = photos_version + 1 where id = $1",
        [sessionId],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Creates a fresh PostgreSQL database next to the one in `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
