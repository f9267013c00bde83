import { isTerminalStatus, type SessionStatus } from '@pave/domain';

/** How often a session that is not finished is polled. */
export const liveRefetchMs = 2_000;

/** What a live query's state looks like to {@link liveRefetchInterval}. */
export type LiveQueryState = {
  state: { status: 'pending' | 'error' | 'success'; data?: { status: SessionStatus } | undefined };
};

/**
 * Polls every 2 s until the session reaches a terminal status. A failed first load stops polling (the page
 * shows the error); a failed refresh of data already shown keeps polling, so the page recovers by itself.
 */
export function liveRefetchInterval(query: LiveQueryState): number | false {
  const status = query.state.data?.status;
  if (query.state.status === 'error' && status === undefined) return false;
  return status !== undefined && isTerminalStatus(status) ? false : liveRefetchMs;
}
