import type { Result, SessionKey, SessionNote, SessionNotes } from '@pave/domain';
import type { AccountRow, NoteRow } from '../storage/repository.js';
import { findOwnSession, type FindSessionDeps } from './find-own-session.js';
import { sessionNotFound, type SessionNotFound } from './session-not-found.js';
import { wireTimestamp } from './session-wire.js';

function toSessionNote(row: NoteRow): SessionNote {
  return { id: row.id, note: row.note, author: row.author, created_at: wireTimestamp(row.createdAt) };
}

/** `GET /v1/sessions/:session_key/notes`: the session's notes, oldest first. */
export async function listNotes(
  deps: FindSessionDeps,
  account: AccountRow,
  sessionKey: SessionKey,
): Promise<Result<SessionNotes, SessionNotFound>> {
  const row = await findOwnSession(deps, account, sessionKey);
  if (!row) return sessionNotFound(sessionKey);
  return { ok: true, value: (await deps.repo.notes.listForSession(row.id)).map(toSessionNote) };
}

/**
 * `POST /v1/sessions/:session_key/notes` (ours): adds a note in any status, in its author's name (the signed-in
 * person's email, or the account's username for a signed request).
 */
export async function addNote(
  deps: FindSessionDeps,
  account: AccountRow,
  sessionKey: SessionKey,
  { note, author }: { readonly note: string; readonly author: string },
): Promise<Result<SessionNote, SessionNotFound>> {
  const row = await findOwnSession(deps, account, sessionKey);
  if (!row) return sessionNotFound(sessionKey);
  const added = await deps.repo.notes.add(
    {
      sessionId: row.id,
      note,
      author,
      createdAt: deps.now().getTime(),
    },
    toSessionNote,
  );
  return { ok: true, value: toSessionNote(added) };
}
