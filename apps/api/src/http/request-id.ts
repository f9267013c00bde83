import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

const saneRequestId = /^[A-Za-z0-9._-]{1,128}$/;

/** The request id of a request: a sane `X-Request-Id` header as sent, else a new random one. */
export function requestIdOf(req: IncomingMessage, generate: () => string = randomUUID): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && saneRequestId.test(header) ? header : generate();
}

/** Gives every request an id (echoed in `X-Request-Id`) and a child logger that carries it. */
export function createRequestId(logger: Logger, generate: () => string = randomUUID): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req, generate);
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.setHeader('X-Request-Id', requestId);
    next();
  };
}
