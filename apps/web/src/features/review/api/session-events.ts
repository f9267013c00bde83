import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useLiveEvents, type LiveConnection } from '../../../lib/use-live-events.js';

/**
 * Follows `GET /v1/sessions/:key/events`: each event (a new attempt with its verdict, a status change, a note)
 * refreshes the session's queries at once, instead of waiting for the next poll.
 */
export function useSessionEvents(sessionKey: string): LiveConnection {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useLiveEvents(
    `${sessionKey}`,
    (options) => client.sessions.events(sessionKey, options),
    () => void cache.invalidate(['session', sessionKey]),
  );
}
