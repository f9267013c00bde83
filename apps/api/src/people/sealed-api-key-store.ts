import { randomBytes } from 'node:crypto';
import { isSealedSecret } from '../accounts/sealed-account-store.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { ApiKeyRow, ApiKeyStore } from '../storage/people-repository.js';

// The extra API keys' secrets are sealed at rest like the accounts' own (accounts/sealed-account-store.ts): HMAC needs
// the secret itself, so it is encrypted with the secret key, not hashed. Plain rows from before sealing keep working
// and are sealed at the next start (sealApiKeySecrets).

function opened(box: SecretBox, row: ApiKeyRow): ApiKeyRow {
  if (!isSealedSecret(row.apiSecret)) return row;
  // a value no key of the box opens becomes random bytes no request can sign with
  return { ...row, apiSecret: box.open(row.apiSecret) ?? randomBytes(32).toString('base64url') };
}

/** An API key store that seals secrets on the way in and opens them on the way out, over the repository's. */
export function createSealedApiKeyStore(stored: ApiKeyStore, box: SecretBox): ApiKeyStore {
  const openedOrNull = (row: ApiKeyRow | null) => (row ? opened(box, row) : null);
  return {
    ...stored,
    async create(key) {
      const created = await stored.create({ ...key, apiSecret: box.seal(key.apiSecret) });
      return created.ok ? { ok: true, value: opened(box, created.value) } : created;
    },
    list: async (accountId) => (await stored.list(accountId)).map((row) => opened(box, row)),
    listAll: async () => (await stored.listAll()).map((row) => opened(box, row)),
    findActive: async (apiKey) => openedOrNull(await stored.findActive(apiKey)),
    setSecret: async (accountId, apiKey, apiSecret) =>
      openedOrNull(await stored.setSecret(accountId, apiKey, box.seal(apiSecret))),
  };
}

/**
 * Seals every extra key's secret still in plain text or sealed with an older key, one compare-and-set per row;
 * returns how many it sealed.
 */
export async function sealApiKeySecrets(stored: ApiKeyStore, box: SecretBox): Promise<number> {
  let sealed = 0;
  const reseal = (value: string): string => {
    if (!isSealedSecret(value)) return box.seal(value);
    if (!box.isStale(value)) return value;
    const plain = box.open(value);
    return plain === null ? value : box.seal(plain);
  };
  for (const row of await stored.listAll()) {
    const next = reseal(row.apiSecret);
    if (next === row.apiSecret) continue;
    if (await stored.replaceSecret(row.id, row.apiSecret, next)) sealed += 1;
  }
  return sealed;
}
