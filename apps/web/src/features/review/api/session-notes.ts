import { isTerminalStatus, type SessionNotes, type SessionStatus } from '@pave/domain';
import { useReviewClient, type SessionsApi } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';
import { liveRefetchMs } from './live-refetch.js';

/** `GET /v1/sessions/:key/notes`. */
export function sessionNotesQuery(client: SessionsApi, sessionKey: string): QueryDescriptor<SessionNotes> {
  return {
    key: ['session', sessionKey, 'notes'],
    fetch: (signal) => client.sessions.notes.list(sessionKey, { signal }),
  };
}

/**
 * The session's notes, oldest first; polled while the session is unfinished, so notes other reviewers add appear.
 * A finished session's page makes no more requests: its notes refresh when one is added here or the page is opened.
 */
export function useSessionNotes(sessionKey: string, status: SessionStatus) {
  return useQuery(sessionNotesQuery(useReviewClient(), sessionKey), {
    refetchInterval: isTerminalStatus(status) ? false : liveRefetchMs,
  });
}

/** `POST /v1/sessions/:key/notes`; refreshes the notes afterwards. */
export function useAddNote(sessionKey: string) {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useMutation({
    mutationFn: (note: string) => client.sessions.notes.add(sessionKey, note),
    onSuccess: () => cache.invalidate(['session', sessionKey, 'notes']),
  });
}
