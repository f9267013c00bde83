import type { ListSessionsQuery, Result, SessionList } from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, Repository } from '../storage/repository.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { toSession } from './session-wire.js';

/** The query's cursor is not one this API gave out. */
export type InvalidCursor = { readonly code: 'invalid_cursor' };

/** What listing sessions needs. */
export type ListSessionsDeps = {
  readonly repo: Repository;
  readonly now: () => Date;
  readonly publicBaseUrl: string;
  readonly secretBox: SecretBox;
};

/** `GET /v1/sessions`: a page of the account's sessions, newest first, overdue ones expired first. */
export async function listSessions(
  deps: ListSessionsDeps,
  account: AccountRow,
  query: ListSessionsQuery,
): Promise<Result<SessionList, InvalidCursor>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && after === null) return { ok: false, error: { code: 'invalid_cursor' } };
  await deps.repo.sessions.expireOverdue(deps.now().getTime(), { accountId: account.id });
  const rows = await deps.repo.sessions.listPage({
    accountId: account.id,
    ...(query.status === undefined ? {} : { status: query.status }),
    limit: query.limit + 1,
    after,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last) : null;
  return {
    ok: true,
    value: { sessions: page.map((row) => toSession(row, deps.publicBaseUrl, deps.secretBox)), next_cursor: nextCursor },
  };
}
