import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useLiveEvents, type LiveConnection } from '../../../lib/use-live-events.js';
import { sessionsListKey } from './sessions-list.js';

/** Follows `GET /v1/events`: any session's event refreshes the sessions list. */
export function useAccountEvents(): LiveConnection {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useLiveEvents(
    'account',
    (options) => client.sessions.allEvents(options),
    () => void cache.invalidate(sessionsListKey),
  );
}
