import type { SessionPhotos } from '@pave/domain';
import { useReviewClient, type SessionsApi } from '../../../lib/clients.js';
import type { QueryDescriptor } from '../../../lib/query-cache.js';
import { useQuery } from '../../../lib/use-query.js';
import { liveRefetchMs } from './live-refetch.js';

/** `GET /v1/sessions/:key/photos`: the PAVE-shaped array. */
export function sessionPhotosQuery(client: SessionsApi, sessionKey: string): QueryDescriptor<SessionPhotos> {
  return { key: ['session', sessionKey, 'photos'], fetch: (signal) => client.sessions.photos(sessionKey, { signal }) };
}

/** The raw photos answer, polled while `live`; fetched only while `enabled` (the JSON panel is open). */
export function useSessionPhotos(sessionKey: string, options: { live: boolean; enabled: boolean }) {
  return useQuery(sessionPhotosQuery(useReviewClient(), sessionKey), {
    enabled: options.enabled,
    refetchInterval: options.live ? liveRefetchMs : false,
  });
}
