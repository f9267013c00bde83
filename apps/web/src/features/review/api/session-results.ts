import type { SessionResults } from '@pave/domain';
import { useReviewClient, type SessionsApi } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQuery } from '../../../lib/use-query.js';

/** `GET /v1/sessions/:key/results`. */
export function sessionResultsQuery(client: SessionsApi, sessionKey: string): QueryDescriptor<SessionResults> {
  return {
    key: ['session', sessionKey, 'results'],
    fetch: (signal) => client.sessions.results(sessionKey, { signal }),
  };
}

/** The results document, fetched once the session is `COMPLETE` (`enabled`); it does not change afterwards. */
export function useSessionResults(sessionKey: string, enabled: boolean) {
  return useQuery(sessionResultsQuery(useReviewClient(), sessionKey), { enabled });
}
