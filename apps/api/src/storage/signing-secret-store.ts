import type { Kysely, Selectable } from 'kysely';
import type { Database, SigningSecretsTable } from './database.js';
import type { SigningSecretRow, SigningSecretStore } from './repository.js';

// Signing secrets are stored as they are used, like API secrets are today: the HMAC needs the secret itself.

/** A `signing_secrets` row in domain terms. */
export function toSigningSecretRow(row: Selectable<SigningSecretsTable>): SigningSecretRow {
  return {
    accountId: Number(row.account_id),
    secret: row.secret,
    createdAt: Number(row.created_at),
    previousSecret: row.previous_secret,
    previousExpiresAt: row.previous_expires_at === null ? null : Number(row.previous_expires_at),
  };
}

/** Signing secrets on Kysely (SQLite or PostgreSQL). */
export function createSigningSecretStore(db: Kysely<Database>): SigningSecretStore {
  const find = async (accountId: number): Promise<SigningSecretRow | null> => {
    const row = await db
      .selectFrom('signing_secrets')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row ? toSigningSecretRow(row) : null;
  };
  return {
    async ensure(accountId, create, at) {
      const found = await find(accountId);
      if (found) return found;
      await db
        .insertInto('signing_secrets')
        .values({
          account_id: accountId,
          secret: create(),
          created_at: at,
          previous_secret: null,
          previous_expires_at: null,
        })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
      const row = await find(accountId);
      if (!row) throw new Error('invariant: a signing secret exists once inserted');
      return row;
    },
    async rotate(accountId, secret, at, previousUntil) {
      const row = await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('signing_secrets')
          .select('secret')
          .where('account_id', '=', accountId)
          .executeTakeFirst();
        const values = {
          secret,
          created_at: at,
          previous_secret: current?.secret ?? null,
          previous_expires_at: current ? previousUntil : null,
        };
        return trx
          .insertInto('signing_secrets')
          .values({ account_id: accountId, ...values })
          .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return toSigningSecretRow(row);
    },
  };
}
