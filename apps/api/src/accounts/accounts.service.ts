import { randomBytes } from 'node:crypto';
import type { Result } from '@pave/domain';
import { type BootstrapAccount, Username } from '../config.js';
import type { AccountStore } from '../storage/repository.js';

/** A new account's credentials: the only moment its secret is known outside storage. */
export type NewCredentials = { readonly username: string; readonly apiKey: string; readonly apiSecret: string };

/** What `list` shows of an account: never its secret. */
export type AccountSummary = {
  readonly username: string;
  readonly apiKey: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
};

/** Why an account could not be created. */
export type CreateAccountError = { code: 'invalid_username'; message: string } | { code: 'account_exists' };

/** What bootstrapping did: accounts created, and names that exist with other credentials (left alone). */
export type BootstrapOutcome = { readonly created: string[]; readonly conflicting: string[] };

/** Dependencies of the accounts service. */
export type AccountsDeps = {
  readonly accounts: AccountStore;
  readonly now: () => Date;
  readonly randomHex?: (bytes: number) => string;
};

/** The username of the account made on a first start with no accounts. */
export const demoUsername = 'demo';

const defaultRandomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

async function hasCredentials(accounts: AccountStore, wanted: BootstrapAccount): Promise<boolean> {
  const existing = await accounts.findByUsername(wanted.username);
  return existing?.apiKey === wanted.apiKey && existing.apiSecret === wanted.apiSecret && existing.revokedAt === null;
}

/** Creating, listing, revoking and bootstrapping accounts. */
export function createAccountsService(deps: AccountsDeps) {
  const randomHex = deps.randomHex ?? defaultRandomHex;
  const insert = async (credentials: NewCredentials): Promise<Result<NewCredentials, CreateAccountError>> => {
    const created = await deps.accounts.create({ ...credentials, createdAt: deps.now().getTime() });
    return created.ok ? { ok: true, value: credentials } : created;
  };
  return {
    /** Creates an account with a random API key and secret. */
    async create(username: string): Promise<Result<NewCredentials, CreateAccountError>> {
      const parsed = Username.safeParse(username);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid_username', message: parsed.error.issues[0]?.message ?? '' } };
      }
      return insert({ username: parsed.data, apiKey: randomHex(16), apiSecret: randomHex(32) });
    },
    async list(): Promise<AccountSummary[]> {
      const rows = await deps.accounts.list();
      return rows.map((row) => ({
        username: row.username,
        apiKey: row.apiKey,
        createdAt: new Date(row.createdAt),
        revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
      }));
    },
    async revoke(apiKey: string): Promise<Result<string, { code: 'unknown_api_key' }>> {
      const revoked = await deps.accounts.revoke(apiKey, deps.now().getTime());
      return revoked ? { ok: true, value: apiKey } : { ok: false, error: { code: 'unknown_api_key' } };
    },
    /**
     * Gives an active key a new random secret; the current one keeps authenticating for `graceSeconds` (then only the
     * new one does). The new secret is returned once, as at creation.
     */
    async rotate(apiKey: string, graceSeconds: number): Promise<Result<NewCredentials, { code: 'unknown_api_key' }>> {
      const apiSecret = randomHex(32);
      const previousUntil = deps.now().getTime() + graceSeconds * 1000;
      const row = await deps.accounts.rotateSecret({ apiKey, apiSecret, previousUntil });
      if (!row) return { ok: false, error: { code: 'unknown_api_key' } };
      return { ok: true, value: { username: row.username, apiKey, apiSecret } };
    },
    /** Makes sure each configured account exists with its key and secret; never changes an existing one. */
    async ensureBootstrap(wanted: readonly BootstrapAccount[]): Promise<BootstrapOutcome> {
      const outcome: BootstrapOutcome = { created: [], conflicting: [] };
      for (const account of wanted) {
        const created = (await deps.accounts.findByUsername(account.username)) ? null : await insert(account);
        if (created?.ok) {
          outcome.created.push(account.username);
          continue;
        }
        // it existed, or another instance starting at the same moment created it first
        if (!(await hasCredentials(deps.accounts, account))) outcome.conflicting.push(account.username);
      }
      return outcome;
    },
    /** On a store with no accounts at all, creates the demo account and returns its credentials; null otherwise. */
    async ensureDemo(): Promise<NewCredentials | null> {
      if ((await deps.accounts.count()) > 0) return null;
      const created = await insert({ username: demoUsername, apiKey: randomHex(16), apiSecret: randomHex(32) });
      return created.ok ? created.value : null;
    },
  };
}

/** The accounts service. */
export type AccountsService = ReturnType<typeof createAccountsService>;
