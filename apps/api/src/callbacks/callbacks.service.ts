import { randomBytes } from 'node:crypto';
import {
  formatWebhookSecret,
  type Callback,
  type CallbackEvent,
  type CreateCallbackRequest,
  type Delivery,
  type DeliveryList,
  type ListDeliveriesQuery,
  type Result,
  type SigningSecretResponse,
  type UpdateCallbackRequest,
} from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, Repository, SigningSecretRow } from '../storage/repository.js';
import { toCallback, toDelivery, toSigningSecret } from './callback-wire.js';
import { checkCallbackHost } from './outbound-guard.js';

/** What the callbacks service needs. */
export type CallbacksDeps = {
  readonly repo: Repository;
  readonly now: () => Date;
  /** Seals signing secrets at rest. */
  readonly secretBox: SecretBox;
  /** Callback URLs on loopback or private addresses are accepted (`PAVE_WEBHOOK_ALLOW_PRIVATE=true`). */
  readonly allowPrivate: boolean;
};

/** Why a callbacks request was refused. */
export type CallbacksError =
  | { code: 'callback_not_found'; event: string }
  | { code: 'blocked_url'; reason: string }
  | { code: 'delivery_not_found'; id: string };

/** The fields of an update that were given (an omitted one leaves the stored value). */
function definedOf(change: UpdateCallbackRequest): Partial<Callback> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}

/** How long a rotated-out secret keeps signing alongside the new one. */
export const previousSecretHours = 24;

/** A new signing secret, `whsec_` and 32 random bytes in base64, sealed for storage. */
export function newSealedSecret(box: SecretBox): string {
  return box.seal(formatWebhookSecret(randomBytes(32)));
}

/** PAVE's callback configurations, the account's signing secret and the delivery log. */
export function createCallbacksService(deps: CallbacksDeps) {
  const { repo } = deps;
  const at = () => deps.now().getTime();
  const ensureSecret = (account: AccountRow): Promise<SigningSecretRow> =>
    repo.signingSecrets.ensure(account.id, () => newSealedSecret(deps.secretBox), at());

  const list = async (account: AccountRow): Promise<Callback[]> =>
    (await repo.callbacks.list(account.id)).map(toCallback);

  const get = async (account: AccountRow, event: CallbackEvent): Promise<Result<Callback, CallbacksError>> => {
    const row = await repo.callbacks.find(account.id, event);
    return row ? { ok: true, value: toCallback(row) } : { ok: false, error: { code: 'callback_not_found', event } };
  };

  const save = async (account: AccountRow, settings: Callback): Promise<Result<Callback, CallbacksError>> => {
    const blocked = await checkCallbackHost(settings.url, deps.allowPrivate);
    if (blocked) return { ok: false, error: { code: 'blocked_url', reason: blocked } };
    // deliveries are signed from the first one on, so the secret exists before any delivery does
    await ensureSecret(account);
    const row = await repo.callbacks.save({ accountId: account.id, ...settings }, at());
    return { ok: true, value: toCallback(row) };
  };

  const create = (account: AccountRow, request: CreateCallbackRequest) =>
    save(account, {
      event: request.event,
      url: request.url,
      method: request.method ?? 'POST',
      headers: request.headers ?? {},
      payload: request.payload ?? {},
    });

  const update = async (
    account: AccountRow,
    event: CallbackEvent,
    change: UpdateCallbackRequest,
  ): Promise<Result<Callback, CallbacksError>> => {
    const current = await get(account, event);
    if (!current.ok) return current;
    const { url, method, headers, payload } = { ...current.value, ...definedOf(change) };
    return save(account, { event, url, method, headers, payload });
  };

  const remove = async (account: AccountRow, event: CallbackEvent): Promise<Result<CallbackEvent, CallbacksError>> =>
    (await repo.callbacks.remove(account.id, event))
      ? { ok: true, value: event }
      : { ok: false, error: { code: 'callback_not_found', event } };

  const signingSecret = async (account: AccountRow): Promise<SigningSecretResponse> =>
    toSigningSecret(account.apiKey, await ensureSecret(account), at(), deps.secretBox);

  const rotateSecret = async (account: AccountRow): Promise<SigningSecretResponse> => {
    const now = at();
    const sealed = newSealedSecret(deps.secretBox);
    const row = await repo.signingSecrets.rotate(account.id, sealed, now, now + previousSecretHours * 3600_000);
    return toSigningSecret(account.apiKey, row, now, deps.secretBox);
  };

  const deliveries = async (account: AccountRow, query: ListDeliveriesQuery): Promise<DeliveryList> => {
    const rows = await repo.deliveries.list({
      accountId: account.id,
      ...(query.event === undefined ? {} : { event: query.event }),
      ...(query.session_key === undefined ? {} : { sessionKey: query.session_key }),
      ...(query.state === undefined ? {} : { state: query.state }),
      limit: query.limit,
      beforeId: query.cursor === undefined ? null : Number(query.cursor),
    });
    const last = rows.at(-1);
    return { data: rows.map(toDelivery), next_cursor: rows.length === query.limit && last ? String(last.id) : null };
  };

  const redeliver = async (account: AccountRow, id: string): Promise<Result<Delivery, CallbacksError>> => {
    const numeric = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null;
    const row = numeric === null ? null : await repo.deliveries.redeliver(account.id, numeric, at());
    if (!row) return { ok: false, error: { code: 'delivery_not_found', id } };
    return { ok: true, value: toDelivery(row) };
  };

  return { list, get, create, update, remove, signingSecret, rotateSecret, deliveries, redeliver };
}

/** The callbacks service. */
export type CallbacksService = ReturnType<typeof createCallbacksService>;
