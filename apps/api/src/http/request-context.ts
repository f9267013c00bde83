import type { Response } from 'express';
import type { Logger } from '../logger.js';
import type { UserRow, UserSessionRow } from '../storage/people-repository.js';
import type { AccountRow, SessionRow } from '../storage/repository.js';

/** How error bodies look on a route: PAVE's `{message}` alone, or ours with `code` and `details`. */
export type ErrorStyle = 'pave' | 'extended';

declare module 'express-serve-static-core' {
  // module augmentation is the one place STYLE §5 allows an interface
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Locals {
    /** Set by request-id.ts for every request. */
    requestId?: string;
    /** The request's logger (with its request id). */
    log?: Logger;
    /** The authenticated account, set by the auth middleware. */
    account?: AccountRow;
    /** The signed-in person of a cookie request (absent for HMAC requests), set by the auth middleware. */
    user?: UserRow;
    userSession?: UserSessionRow;
    errorStyle?: ErrorStyle;
    /** The session a capture link's token opened, set by the capture router's token check (as read then). */
    captureSession?: SessionRow;
    /** A metrics label for answers no route matched (static files of the web app). */
    routeLabel?: string;
  }
}

/** The authenticated account of a request; a route without the auth middleware in front is a bug. */
export function accountOf(res: Response): AccountRow {
  const account = res.locals.account;
  if (!account) throw new Error('invariant: this route runs behind the auth middleware');
  return account;
}
