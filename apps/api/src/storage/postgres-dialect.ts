import { type DatabaseIntrospector, type Dialect, type Kysely, sql } from 'kysely';

type TableRow = { readonly name: string; readonly schema: string; readonly kind: string };

/**
 * Introspection of the connection's current schema alone (the first of its search_path, where our tables are),
 * which is all Kysely's migrator asks of it: which tables exist. Kysely's own PostgreSQL introspector reads every
 * schema of the database, so another schema's migration tables (another deployment, a parallel test) passed for
 * ours ("relation kysely_migration_lock does not exist"), and a schema dropped while it read failed the start
 * ("schema … does not exist").
 */
function createCurrentSchemaIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
  const getTables = async () => {
    const { rows } = await sql<TableRow>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(db);
    return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
  };
  return {
    getSchemas: async () => {
      const { rows } = await sql<{ name: string | null }>`select current_schema() as name`.execute(db);
      return rows.flatMap((row) => (row.name === null ? [] : [{ name: row.name }]));
    },
    getTables,
    getMetadata: async () => ({ tables: await getTables() }),
  };
}

/** A PostgreSQL dialect that introspects only the current schema (see {@link createCurrentSchemaIntrospector}). */
export function withCurrentSchemaIntrospection(dialect: Dialect): Dialect {
  return {
    createDriver: () => dialect.createDriver(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => createCurrentSchemaIntrospector(db),
  };
}
