import { forbiddenMessage, permissionFor, roleCan, type Permission } from '@pave/domain';
import type { RequestHandler } from 'express';
import { ApiProblem } from './api-problem.js';

/** Refuses (403 naming the role) a signed-in person whose role lacks `permission`; HMAC requests pass (machines). */
export function requirePermission(
  permission: Permission | ((method: string, path: string) => Permission),
): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    const needed = typeof permission === 'function' ? permission(req.method, req.path) : permission;
    if (user && !roleCan(user.role, needed)) throw new ApiProblem('forbidden', forbiddenMessage(user.role, needed));
    next();
  };
}

/** After the auth middleware on the account's routes: each request's permission by method and path. */
export const authorizeByRoute: RequestHandler = requirePermission(permissionFor);

/** What an HMAC-signed request to a people/admin route is told: those routes are for a signed-in admin only. */
export const signedInAdminOnlyMessage =
  'People, API keys, invites and the audit log are managed by an admin signed in with email and password; an API key cannot use them.';

/**
 * Refuses (403) any request without a signed-in person (an HMAC-signed one included: a leaked API key must not mint
 * keys or admin invites), and a person whose role lacks `administer`.
 */
export const requireSignedInAdmin: RequestHandler = (_req, res, next) => {
  const user = res.locals.user;
  if (!user) throw new ApiProblem('forbidden', signedInAdminOnlyMessage);
  if (!roleCan(user.role, 'administer')) throw new ApiProblem('forbidden', forbiddenMessage(user.role, 'administer'));
  next();
};
