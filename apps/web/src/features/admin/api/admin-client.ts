import { buildAdminClient, type AdminClient } from '@pave/client/admin';
import { useMemo } from 'react';
import { useReviewClient } from '../../../lib/clients.js';

/** The admin's routes over the signed-in client (built here, so only the admin's pages load them). */
export function useAdminClient(): AdminClient {
  const client = useReviewClient();
  return useMemo(() => buildAdminClient(client.transport), [client]);
}
