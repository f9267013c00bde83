// Data generator: loads N sessions with 14 attempts each (the original page's pattern) into PostgreSQL, in
// chunks, server-side (generate_series), with a progress bar on stderr.
import pg from 'pg';
import { sampleAttempts } from './sample-attempts.mjs';

const attemptValues = sampleAttempts
  .map(
    (a) =>
      `(${a.seq}, ${a.code}, ${a.approved}, ${a.reason ? `'${a.reason}'` : 'null'}, ${a.reasonCode ? `'${a.reasonCode}'` : 'null'}, ${a.createdOffset}, ${a.updatedOffset})`,
  )
  .join(',\n');

function progress(done, total, startedAt) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = Math.round(done / Math.max(seconds, 0.001));
  process.stderr.write(
    `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} sessions, ${rate}/s, ${seconds.toFixed(0)} s`,
  );
  if (done === total) process.stderr.write('\n');
}

/** Session keys of generated sessions: `<prefix>-` and the session number, zero-padded to 10 digits. */
export function generatedKey(prefix, n) {
  return `${prefix}-${String(n).padStart(10, '0')}`;
}

export async function generateSessions(
  databaseUrl,
  { accountId, count, prefix = 'GEN', chunk = 50000, start = Date.now() - 86400_000 },
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const startedAt = Date.now();
  try {
    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      await client.query('begin');
      const { rows } = await client.query(
        `insert into sessions (session_key, account_id, status, theme, language, created_at, updated_at, expires_at)
         select $1 || '-' || lpad(g::text, 10, '0'), $2, 'QC_PASSED', 'PRO', 'EN', $3::bigint + g, $3::bigint + g, $3::bigint + g + 604800000
         from generate_series($4::int, $5::int) g
         returning id`,
        [prefix, accountId, start, from, to],
      );
      const ids = rows.map((r) => Number(r.id));
      await client.query(
        `insert into attempts (session_id, seq, photo_code, kind, approved, reason, reason_code, image_id, created_at, updated_at, verdict_at)
         select s.id, a.seq, a.code, 'photo', a.approved, a.reason, a.reason_code, md5(s.id::text || '-' || a.seq::text),
                s.created_at + a.c * 1000, s.created_at + a.u * 1000, s.created_at + a.u * 1000
         from sessions s cross join (values ${attemptValues}) as a(seq, code, approved, reason, reason_code, c, u)
         where s.id between $1 and $2`,
        [Math.min(...ids), Math.max(...ids)],
      );
      await client.query('commit');
      progress(to, count, startedAt);
    }
    await client.query('analyze sessions');
    await client.query('analyze attempts');
  } finally {
    await client.end();
  }
  return { sessions: count, attempts: count * sampleAttempts.length, seconds: (Date.now() - startedAt) / 1000 };
}
