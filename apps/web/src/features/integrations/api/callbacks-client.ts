import { buildCallbacksClient } from '@pave/client/callbacks';
import type { PaveClient } from '@pave/client';
import { useMemo } from 'react';
import { useReviewClient } from '../../../lib/clients.js';

/** The callback routes, as `client.callbacks` of a {@link PaveClient}. */
export type CallbacksApi = Pick<PaveClient, 'callbacks'>;

/** The callback routes over the signed-in client (built here, so only the Integrations page loads them). */
export function useCallbacksApi(): CallbacksApi {
  const client = useReviewClient();
  return useMemo(() => ({ callbacks: buildCallbacksClient(client.transport) }), [client]);
}
