import type { ListSessionsParams, SessionsClient } from '@pave/client';
import { sessionRemovedMessage, type Session, type SessionList } from '@pave/domain';
import { buildSession } from '@pave/domain/testing';
import type { FakeBackend } from './fake-backend.js';
import type { FakeContext } from './fake-client.js';

function listSessions(backend: FakeBackend, query: ListSessionsParams = {}): SessionList {
  const all = [...backend.byKey.values()].map((record) => record.session).reverse();
  const newestFirst = all.sort((a, b) => b.created_at.localeCompare(a.created_at));
  const filtered = query.status ? newestFirst.filter((session) => session.status === query.status) : newestFirst;
  const offset = Number(query.cursor ?? '0');
  const limit = query.limit ?? 20;
  const more = offset + limit < filtered.length;
  return { sessions: filtered.slice(offset, offset + limit), next_cursor: more ? String(offset + limit) : null };
}

function createSession(backend: FakeBackend): Session {
  const key = `DEM-NEW${String(backend.byKey.size + 1).padStart(7, '0')}`;
  const at = backend.now();
  const captureUrl = `http://localhost/capture/${key}`;
  const session = buildSession({ session_key: key, capture_url: captureUrl, created_at: at, updated_at: at });
  backend.byKey.set(key, { session, attempts: [], manual: new Set() });
  return session;
}

/** The fake `sessions` group: list (newest first, paged), create, get, photos, progress, delete. */
export function createFakeSessions({ backend, call, recordOf }: FakeContext): SessionsClient {
  return {
    create: () => call('sessions.create', '', () => createSession(backend)),
    list: (query) => call('sessions.list', query?.status ?? '', () => listSessions(backend, query)),
    get: (key) => call('sessions.get', key, () => recordOf(key).session),
    photos: (key) => call('sessions.photos', key, () => recordOf(key).attempts.map(backend.toPhoto)),
    progress: (key) => call('sessions.progress', key, () => backend.wireProgress(recordOf(key))),
    delete: (key) =>
      call('sessions.delete', key, () => {
        backend.byKey.delete(recordOf(key).session.session_key);
        return { message: sessionRemovedMessage(key) };
      }),
  };
}
