import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

const saneRequestId = /^[A-Za-z0-9._-]{1,128}$/;

/** The request id of a request: a sane `X-Request-Id` header as sent, else a new random one. */
export function requestIdOf(header: string | undefined, generate: () => string = randomUUID): string {
  return header !== undefined && saneRequestId.test(header) ? header : generate();
}

/** Gives every request an id (echoed in `X-Request-Id`) and a child logger that carries it. */
export function createRequestId(logger: Logger, generate: () => string = randomUUID): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req.get('X-Request-Id'), generate);
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    next();
  };
}
