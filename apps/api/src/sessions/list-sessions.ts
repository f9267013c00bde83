import {
  formatWireTimestamp,
  isStepDone,
  type ListedProgress,
  type ListSessionsQuery,
  type Result,
  type SessionList,
} from '@pave/domain';
import { progressOf } from '../capture/capture-state.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, AttemptRow, Repository } from '../storage/repository.js';
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

/** A listed session's progress: the steps done out of all, and its latest attempt's time. */
function listedProgressOf(attempts: readonly AttemptRow[], publicBaseUrl: string): ListedProgress {
  const { steps } = progressOf(attempts, publicBaseUrl);
  const last = Math.max(...attempts.map((attempt) => Math.max(attempt.createdAt, attempt.verdictAt)));
  return {
    steps_done: steps.filter((step) => isStepDone(step.photoCode, step.state)).length,
    steps_total: steps.length,
    last_activity_at: attempts.length > 0 ? formatWireTimestamp(new Date(last)) : null,
  };
}

/**
 * `GET /v1/sessions`: a page of the account's sessions, newest first, overdue ones expired first, searched and
 * filtered as the query says, each with its progress (its attempts read per listed session: a page is at most 100).
 */
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
    ...(query.q === undefined ? {} : { search: query.q.toLowerCase() }),
    ...(query.created_from === undefined ? {} : { createdFrom: Date.parse(query.created_from) }),
    ...(query.created_before === undefined ? {} : { createdBefore: Date.parse(query.created_before) }),
    limit: query.limit + 1,
    after,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last) : null;
  const sessions = await Promise.all(
    page.map(async (row) => ({
      ...toSession(row, deps.publicBaseUrl, deps.secretBox),
      progress: listedProgressOf(await deps.repo.attempts.listForSession(row.id), deps.publicBaseUrl),
    })),
  );
  return { ok: true, value: { sessions, next_cursor: nextCursor } };
}
