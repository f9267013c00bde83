import { useReviewClient } from '../../../lib/clients.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useLiveEvents } from '../../../lib/use-live-events.js';
import { refreshSessionQueries } from './session-events.js';

/**
 * A finished session's own stream ends (`STREAM:END`), yet notes keep coming and a `COMPLETE` session may still be
 * invalidated: follows the account's events (`GET /v1/events`) and refreshes what this session's events change.
 */
export function useFinishedSessionEvents(sessionKey: string): void {
  const client = useReviewClient();
  const cache = useQueryCache();
  useLiveEvents(
    `finished ${sessionKey}`,
    (options) => client.sessions.allEvents(options),
    (event) => {
      const body = event?.body;
      const key =
        body === undefined
          ? sessionKey
          : body.event === 'SESSION:COMPLETE'
            ? body.session.session_key
            : body.session_key;
      if (key === sessionKey) refreshSessionQueries(cache, sessionKey, event);
    },
  );
}
