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
