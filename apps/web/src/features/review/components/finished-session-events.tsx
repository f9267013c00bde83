import { useFinishedSessionEvents } from '../api/finished-session-events.js';

/** Props of {@link FinishedSessionEvents}. */
export type FinishedSessionEventsProps = { sessionKey: string };

/** Keeps a finished session's page live while mounted (its notes, a later invalidation); renders nothing. */
export function FinishedSessionEvents({ sessionKey }: FinishedSessionEventsProps) {
  useFinishedSessionEvents(sessionKey);
  return null;
}
