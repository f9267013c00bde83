import type { Session } from '@pave/domain';
import { useReviewClient, type SessionsApi } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQuery } from '../../../lib/use-query.js';
import { refetchIntervalFor } from './live-refetch.js';

/** `GET /v1/sessions/:key`. */
export function sessionQuery(client: SessionsApi, sessionKey: string): QueryDescriptor<Session> {
  return { key: ['session', sessionKey], fetch: (signal) => client.sessions.get(sessionKey, { signal }) };
}

/** The session's details (status, capture link, dates), polled while the session is not finished. */
export function useSession(sessionKey: string, streaming = false) {
  return useQuery(sessionQuery(useReviewClient(), sessionKey), { refetchInterval: refetchIntervalFor(streaming) });
}
