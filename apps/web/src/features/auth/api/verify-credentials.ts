import { useAuth } from '../../../lib/clients.js';
import type { Credentials } from '../../../lib/credentials.js';
import { useMutation } from '../../../lib/use-mutation.js';

/** Signs in after one signed request (`GET /v1/sessions?limit=1`) proves the credentials work. */
export function useVerifyCredentials() {
  const auth = useAuth();
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      await auth.createClient(credentials).sessions.list({ limit: 1 });
      return credentials;
    },
    onSuccess: (credentials) => auth.signIn(credentials),
  });
}
