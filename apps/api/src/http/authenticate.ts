import type { IncomingMessage } from 'node:http';
import { authErrorMessage, authHeaderNames, type AuthHeaders } from '@pave/domain';
import type { RequestHandler } from 'express';
import { checkApiCredentials } from '../accounts/check-api-credentials.js';
import type { AccountRow, AccountStore } from '../storage/repository.js';
import { ApiProblem } from './api-problem.js';

// node:http lower-cases header names
const apiKeyHeader = authHeaderNames.apiKey.toLowerCase();
const tokenHeader = authHeaderNames.token.toLowerCase();
const timestampHeader = authHeaderNames.timestamp.toLowerCase();

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The three PAVE auth headers of a request, as sent (absent ones undefined). */
export function authHeadersOf(req: IncomingMessage): AuthHeaders {
  return {
    apiKey: firstValue(req.headers[apiKeyHeader]),
    token: firstValue(req.headers[tokenHeader]),
    timestamp: firstValue(req.headers[timestampHeader]),
  };
}

/**
 * The account whose valid PAVE credentials sign the request; throws a 401 {@link ApiProblem} saying why otherwise.
 * For the Express middleware and for handlers on the bare node:http request.
 */
export async function authenticateRequest(
  req: IncomingMessage,
  accounts: AccountStore,
  now: Date,
): Promise<AccountRow> {
  const result = await checkApiCredentials(authHeadersOf(req), accounts, now);
  if (!result.ok) throw new ApiProblem('unauthorized', authErrorMessage(result.error));
  return result.value;
}

/** Refuses a request without valid PAVE credentials (401 saying why); otherwise sets `res.locals.account`. */
export function createAuthenticate(accounts: AccountStore, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    res.locals.account = await authenticateRequest(req, accounts, now());
    next();
  };
}
