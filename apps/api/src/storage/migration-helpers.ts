import type { Kysely } from 'kysely';
import type { StorageDialect } from './database.js';

/** A database being migrated: migrations see no typed tables. */
export type MigrationDb = Kysely<unknown>;

/** `create table if not exists <name>` with its `id` primary key: an auto-increment integer on either dialect. */
export function createTableWithId(db: MigrationDb, dialect: StorageDialect, name: string) {
  const table = db.schema.createTable(name).ifNotExists();
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigserial', (col) => col.primaryKey());
}
