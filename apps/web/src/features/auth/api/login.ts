import type { AcceptInviteRequest, LoginRequest } from '@pave/domain';
import { useAuth } from '../../../lib/clients.js';
import { useMutation } from '../../../lib/use-mutation.js';

/** `POST /v1/auth/login`; signs the app in with the answer. */
export function useLogin() {
  const auth = useAuth();
  return useMutation({
    mutationFn: (request: LoginRequest) => auth.people.auth.login(request),
    onSuccess: (signedIn) => auth.signIn(signedIn),
  });
}

/** `POST /v1/auth/accept` (a one-time link); signs the app in with the answer. */
export function useAcceptInvite() {
  const auth = useAuth();
  return useMutation({
    mutationFn: (request: AcceptInviteRequest) => auth.people.auth.accept(request),
    onSuccess: (signedIn) => auth.signIn(signedIn),
  });
}
