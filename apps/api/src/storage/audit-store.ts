import { AuditAction } from '@pave/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database.js';
import type { AuditLogTable } from './people-tables.js';
import type { AuditRow, AuditStore } from './people-repository.js';

function toAuditRow(row: Selectable<AuditLogTable>): AuditRow {
  return {
    id: Number(row.id),
    accountId: Number(row.account_id),
    at: Number(row.at),
    actor: row.actor,
    action: AuditAction.parse(row.action),
    target: row.target,
    detail: row.detail,
  };
}

/** The audit log on Kysely (SQLite or PostgreSQL). */
export function createAuditStore(db: Kysely<Database>): AuditStore {
  return {
    async record(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          account_id: entry.accountId,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          target: entry.target,
          detail: entry.detail,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditRow(row);
    },
    async list(accountId, beforeId, limit) {
      let query = db.selectFrom('audit_log').selectAll().where('account_id', '=', accountId);
      if (beforeId !== null) query = query.where('id', '<', beforeId);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toAuditRow);
    },
  };
}
