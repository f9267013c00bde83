import { isTerminalStatus, type SessionStatus } from '@pave/domain';
import type { QueryState } from '../../../lib/query-cache.js';
import { streamingRefetchMs } from '../../../lib/use-live-events.js';

/** How often a session that is not finished is polled. */
export const liveRefetchMs = 2_000;

/** What a live query's state looks like to {@link liveRefetchInterval}. */
export type LiveQueryState = Pick<QueryState<{ status: SessionStatus }>, 'status' | 'data'>;

/**
 * Polls every {@link liveRefetchMs} until the session reaches a terminal status. A failed first load stops polling (the page
 * shows the error); a failed refresh of data already shown keeps polling, so the page recovers by itself.
 */
export function liveRefetchInterval(state: LiveQueryState): number | false {
  const status = state.data?.status;
  if (state.status === 'error' && status === undefined) return false;
  return status !== undefined && isTerminalStatus(status) ? false : liveRefetchMs;
}

/** {@link liveRefetchInterval}, slowed to a safety poll while the event stream brings the changes. */
export function refetchIntervalFor(streaming: boolean) {
  return (state: LiveQueryState): number | false => {
    const interval = liveRefetchInterval(state);
    return interval !== false && streaming ? streamingRefetchMs : interval;
  };
}
