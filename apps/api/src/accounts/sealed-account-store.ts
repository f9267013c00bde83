import { randomBytes } from 'node:crypto';
import { sealingKeyIdOf, type SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, AccountStore } from '../storage/repository.js';

// API secrets are kept sealed with the secret key (AES-256-GCM, secrets/secret-box.ts): HMAC needs the secret itself,
// so it is encrypted, not hashed. Rows from before sealing hold the plain secret; they keep working and are sealed at
// the next start (sealAccountSecrets).

/** Whether a stored secret is sealed (`pave1:<key id>:…`) rather than plain. */
export function isSealedSecret(stored: string): boolean {
  return stored.startsWith('pave1:');
}

/**
 * The plain secret of a stored value: a sealed one opened, a plain one as it is. A sealed value no key of the box opens
 * (a lost or wrong `PAVE_SECRET_KEY`) becomes random bytes no request can sign with: the account cannot authenticate,
 * and nobody can guess what it would accept.
 */
function plainOf(box: SecretBox, stored: string): string {
  if (!isSealedSecret(stored)) return stored;
  return box.open(stored) ?? randomBytes(32).toString('base64url');
}

function opened(box: SecretBox, row: AccountRow): AccountRow {
  return {
    ...row,
    apiSecret: plainOf(box, row.apiSecret),
    previousApiSecret: row.previousApiSecret === null ? null : plainOf(box, row.previousApiSecret),
  };
}

const openedOrNull = (box: SecretBox, row: AccountRow | null): AccountRow | null => (row ? opened(box, row) : null);

/**
 * An account store that seals API secrets on the way in and opens them on the way out, over one that stores what it
 * is given (the repository's). Every caller outside storage sees plain secrets.
 */
export function createSealedAccountStore(stored: AccountStore, box: SecretBox): AccountStore {
  return {
    ...stored,
    async create(account) {
      const created = await stored.create({ ...account, apiSecret: box.seal(account.apiSecret) });
      return created.ok ? { ok: true, value: opened(box, created.value) } : created;
    },
    findByApiKey: async (apiKey) => openedOrNull(box, await stored.findByApiKey(apiKey)),
    findByUsername: async (username) => openedOrNull(box, await stored.findByUsername(username)),
    findById: async (id) => openedOrNull(box, await stored.findById(id)),
    list: async () => (await stored.list()).map((row) => opened(box, row)),
    rotateSecret: async (rotation) =>
      openedOrNull(box, await stored.rotateSecret({ ...rotation, apiSecret: box.seal(rotation.apiSecret) })),
  };
}

/**
 * Seals every stored secret still in plain text (rows from before sealing) or sealed with an older key, one
 * compare-and-set per row (an instance starting at the same time may seal it first); returns how many it sealed.
 */
export async function sealAccountSecrets(stored: AccountStore, box: SecretBox): Promise<number> {
  let sealed = 0;
  const reseal = (value: string | null): string | null => {
    if (value === null) return null;
    if (!isSealedSecret(value)) return box.seal(value);
    if (!box.isStale(value)) return value;
    const plain = box.open(value);
    return plain === null ? value : box.seal(plain);
  };
  for (const row of await stored.list()) {
    const apiSecret = reseal(row.apiSecret) ?? row.apiSecret;
    const previousApiSecret = reseal(row.previousApiSecret);
    if (apiSecret === row.apiSecret && previousApiSecret === row.previousApiSecret) continue;
    const from = { apiSecret: row.apiSecret, previousApiSecret: row.previousApiSecret };
    if (await stored.replaceSecrets(row.id, from, { apiSecret, previousApiSecret })) sealed += 1;
  }
  return sealed;
}

/** Accounts whose current API secret was sealed with a key the box does not hold, and the ids of those keys. */
export type ForeignSealedSecrets = { readonly usernames: readonly string[]; readonly keyIds: readonly string[] };

/**
 * The accounts no request could authenticate as, because their secret was sealed with another key: another instance's
 * generated key (instances on one database that do not share `PAVE_SECRET_KEY`), or a lost one.
 */
export async function findForeignSealedSecrets(stored: AccountStore, box: SecretBox): Promise<ForeignSealedSecrets> {
  const foreign = (await stored.list()).filter(
    (row) => isSealedSecret(row.apiSecret) && !box.holdsKeyOf(row.apiSecret),
  );
  return {
    usernames: foreign.map((row) => row.username),
    keyIds: [...new Set(foreign.map((row) => sealingKeyIdOf(row.apiSecret) ?? '?'))],
  };
}
