import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PaveClient } from '@pave/client';
import { useReviewClient } from '../../../lib/clients.js';
import { liveRefetchMs } from './live-refetch.js';

/** `GET /v1/sessions/:key/photos`: the PAVE-shaped array, polled while `live`. */
export function sessionPhotosQuery(client: PaveClient, sessionKey: string, live: boolean) {
  return queryOptions({
    queryKey: ['session', sessionKey, 'photos'] as const,
    queryFn: ({ signal }) => client.sessions.photos(sessionKey, { signal }),
    refetchInterval: live ? liveRefetchMs : false,
  });
}

/** The raw photos answer; fetched only while `enabled` (the JSON panel is open). */
export function useSessionPhotos(sessionKey: string, options: { live: boolean; enabled: boolean }) {
  return useQuery({ ...sessionPhotosQuery(useReviewClient(), sessionKey, options.live), enabled: options.enabled });
}
