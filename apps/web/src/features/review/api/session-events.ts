import type { CallbackEvent, LiveEvent } from '@pave/domain';
import { useReviewClient } from '../../../lib/clients.js';
import type { QueryCache } from '../../../lib/query-cache.js';
import { useQueryCache } from '../../../lib/query-cache-provider.js';
import { useLiveEvents, type LiveConnection } from '../../../lib/use-live-events.js';

/**
 * Which of a session's queries (`['session', key, …part]`; `[]` is the session object itself) each event changes: an
 * attempt changes the progress and the photos; a status, the session and its progress; a note, the notes; the end of
 * the capture, the session and its results. Refreshing only those keeps an event's cost to one or two reads.
 */
export const queriesChangedBy = {
  'SESSION:STAGE_CHANGE': [['progress'], ['photos']],
  'SESSION:STATUS_CHANGE': [[], ['progress']],
  'SESSION:NOTE_INSERT': [['notes']],
  'SESSION:COMPLETE': [[], ['results']],
} as const satisfies Record<CallbackEvent, readonly (readonly string[])[]>;

/** Refreshes the session's queries that `event` changes; all of them for null (a stream opened: catch up). */
export function refreshSessionQueries(cache: QueryCache, sessionKey: string, event: LiveEvent | null): void {
  if (event === null) return void cache.invalidate(['session', sessionKey]);
  for (const part of queriesChangedBy[event.body.event]) {
    // the session object's own key is a prefix of the others: refresh it alone, not the whole family
    if (part.length === 0) void cache.invalidate(['session', sessionKey], { exact: true });
    else void cache.invalidate(['session', sessionKey, ...part]);
  }
}

/**
 * Follows `GET /v1/sessions/:key/events`: each event (a new attempt with its verdict, a status change, a note)
 * refreshes the queries it changes at once, instead of waiting for the next poll; the stream's opening refreshes all.
 */
export function useSessionEvents(sessionKey: string): LiveConnection {
  const client = useReviewClient();
  const cache = useQueryCache();
  return useLiveEvents(
    `${sessionKey}`,
    (options) => client.sessions.events(sessionKey, options),
    (event) => refreshSessionQueries(cache, sessionKey, event),
  );
}
