import { authErrorMessage, authHeaderNames } from '@pave/domain';
import type { RequestHandler } from 'express';
import { checkApiCredentials } from '../accounts/check-api-credentials.js';
import type { AccountStore } from '../storage/repository.js';
import { ApiProblem } from './api-problem.js';

/** Refuses a request without valid PAVE credentials (401 saying why); otherwise sets `res.locals.account`. */
export function createAuthenticate(accounts: AccountStore, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const headers = {
      apiKey: req.get(authHeaderNames.apiKey),
      token: req.get(authHeaderNames.token),
      timestamp: req.get(authHeaderNames.timestamp),
    };
    const result = await checkApiCredentials(headers, accounts, now());
    if (!result.ok) throw new ApiProblem('unauthorized', authErrorMessage(result.error));
    res.locals.account = result.value;
    next();
  };
}
