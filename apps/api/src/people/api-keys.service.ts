import { randomBytes } from 'node:crypto';
import type { ApiKeyCreated, ApiKeyList, AuditLog, Result } from '@pave/domain';
import type { AccountStore } from '../storage/repository.js';
import type { ApiKeyStore, AuditStore } from '../storage/people-repository.js';
import { toApiKey, toAuditEntry } from './people-wire.js';
import type { Actor } from './users.service.js';

/** Why a key change was refused. */
export type ApiKeysError = { code: 'key_not_found'; apiKey: string } | { code: 'primary_key' };

/** Dependencies of the API keys service. */
export type ApiKeysDeps = {
  readonly accounts: AccountStore;
  readonly apiKeys: ApiKeyStore;
  readonly audit: AuditStore;
  readonly now: () => Date;
};

const primaryLabel = 'First key (made with the account)';

/** An account's API keys: its first one and the extra ones admins make, revoke and rotate; and the audit log. */
export function createApiKeysService(deps: ApiKeysDeps) {
  const nowMs = () => deps.now().getTime();
  const newSecret = () => randomBytes(32).toString('hex');
  const record = (
    actor: Actor,
    action: 'api_key.create' | 'api_key.rotate' | 'api_key.revoke',
    apiKey: string,
    detail = '',
  ) =>
    deps.audit.record({ accountId: actor.accountId, at: nowMs(), actor: actor.name, action, target: apiKey, detail });

  return {
    async list(accountId: number): Promise<ApiKeyList> {
      const account = await deps.accounts.findById(accountId);
      if (!account) throw new Error('invariant: a signed-in account exists');
      const extra = await deps.apiKeys.list(accountId);
      const primary = toApiKey({ ...account, label: primaryLabel }, true);
      return { username: account.username, data: [primary, ...extra.map((row) => toApiKey(row, false))] };
    },
    /** A new key with a label; its secret is in the answer and nowhere else. */
    async create(actor: Actor, label: string): Promise<ApiKeyCreated> {
      const account = await deps.accounts.findById(actor.accountId);
      if (!account) throw new Error('invariant: a signed-in account exists');
      const apiSecret = newSecret();
      for (;;) {
        const created = await deps.apiKeys.create({
          accountId: actor.accountId,
          label,
          apiKey: randomBytes(16).toString('hex'),
          apiSecret,
          createdAt: nowMs(),
        });
        if (!created.ok) continue;
        await record(actor, 'api_key.create', created.value.apiKey, label);
        return { key: toApiKey(created.value, false), username: account.username, api_secret: apiSecret };
      }
    },
    /** Revokes an extra key at once (the first key is revoked with `npm run accounts -- revoke`). */
    async revoke(actor: Actor, apiKey: string): Promise<Result<null, ApiKeysError>> {
      const account = await deps.accounts.findById(actor.accountId);
      if (account?.apiKey === apiKey) return { ok: false, error: { code: 'primary_key' } };
      if (!(await deps.apiKeys.revoke(actor.accountId, apiKey, nowMs()))) {
        return { ok: false, error: { code: 'key_not_found', apiKey } };
      }
      await record(actor, 'api_key.revoke', apiKey);
      return { ok: true, value: null };
    },
    /** Gives a key a new secret, shown once; the old secret stops at once. */
    async rotate(actor: Actor, apiKey: string): Promise<Result<ApiKeyCreated, ApiKeysError>> {
      const account = await deps.accounts.findById(actor.accountId);
      if (!account) throw new Error('invariant: a signed-in account exists');
      const apiSecret = newSecret();
      // the first key's secret is sealed at rest with a grace period on rotation: `npm run accounts -- rotate`
      if (account.apiKey === apiKey) return { ok: false, error: { code: 'primary_key' } };
      const rotated = await deps.apiKeys.setSecret(actor.accountId, apiKey, apiSecret);
      if (!rotated) return { ok: false, error: { code: 'key_not_found', apiKey } };
      await record(actor, 'api_key.rotate', apiKey);
      return { ok: true, value: { key: toApiKey(rotated, false), username: account.username, api_secret: apiSecret } };
    },
    /** The audit log, newest first, a page of `limit` entries below `beforeId`. */
    async audit(accountId: number, beforeId: number | null, limit: number): Promise<AuditLog> {
      const rows = await deps.audit.list(accountId, beforeId, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { data: page.map(toAuditEntry), next_before: rows.length > limit && last ? last.id : null };
    },
  };
}

/** The API keys service. */
export type ApiKeysService = ReturnType<typeof createApiKeysService>;
