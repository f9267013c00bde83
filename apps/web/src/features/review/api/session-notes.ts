import type { PaveClient } from '@pave/client';
import type { SessionNotes } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useMutation } from '../../../lib/use-mutation.js';
import { useQuery } from '../../../lib/use-query.js';
import { liveRefetchMs } from './live-refetch.js';

/** `GET /v1/sessions/:key/notes`. */
export function sessionNotesQuery(client: PaveClient, sessionKey: string): QueryDescriptor<SessionNotes> {
  return {
    key: ['session', sessionKey, 'notes'],
    fetch: (signal) => client.sessions.notes.list(sessionKey, { signal }),
  };
}

/** The session's notes, oldest first; polled, so notes other reviewers add appear (in any status). */
export function useSessionNotes(sessionKey: string) {
  return useQuery(sessionNotesQuery(useReviewClient(), sessionKey), { refetchInterval: liveRefetchMs });
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
