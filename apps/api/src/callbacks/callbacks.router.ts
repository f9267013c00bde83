import {
  CallbackEvent,
  CreateCallbackRequest,
  ListDeliveriesQuery,
  UpdateCallbackRequest,
  callbackNotFoundMessage,
  callbackRemovedMessage,
  callbackTestLimitMessage,
  deliveryNotFoundMessage,
  missingCallbackFieldsMessage,
  type Result,
} from '@pave/domain';
import { type RequestHandler, type Response, Router } from 'express';
import { ApiProblem } from '../http/api-problem.js';
import { actorNameOf, type AuditTrail } from '../http/audit-trail.js';
import { methodNotAllowed } from '../http/error-handler.js';
import { parseOrThrow } from '../http/parse-or-throw.js';
import { accountOf } from '../http/request-context.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { errorStyle, jsonBody } from '../http/route-helpers.js';
import type { CallbackTestService } from './callback-test.service.js';
import type { CallbacksError, CallbacksService } from './callbacks.service.js';

/** What the test-send route needs beside the callbacks service. */
export type CallbackTestRouteDeps = {
  readonly send: CallbackTestService;
  /** Test sends per account and minute (each reaches an outside URL on demand). */
  readonly limiter: RateLimiter;
  readonly audit: AuditTrail;
};

const pave = errorStyle('pave');
const ours = errorStyle('extended');

/**
 * The value of a result, or the refusal answered: PAVE's 404 for a missing callback carries `api_key` beside
 * `message`, so it is written here rather than by the error handler. Null when the answer was sent.
 */
function valueOrAnswer<T>(res: Response, result: Result<T, CallbacksError>): T | null {
  if (result.ok) return result.value;
  const { error } = result;
  switch (error.code) {
    case 'callback_not_found':
      res.status(404).json({ api_key: accountOf(res).apiKey, message: callbackNotFoundMessage(error.event) });
      return null;
    case 'blocked_url':
      throw new ApiProblem('invalid_request', `Invalid url: ${error.reason}.`);
    case 'delivery_not_found':
      throw new ApiProblem('not_found', deliveryNotFoundMessage(error.id));
  }
}

/** PAVE's `event` in the path; an unknown one is PAVE's 404 for it. */
function eventOrAnswer(res: Response, raw: string): CallbackEvent | null {
  const parsed = CallbackEvent.safeParse(raw);
  if (parsed.success) return parsed.data;
  return valueOrAnswer(res, { ok: false, error: { code: 'callback_not_found', event: raw } });
}

function requireFields(body: unknown): void {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (record['event'] === undefined || record['url'] === undefined) {
    throw new ApiProblem('invalid_request', missingCallbackFieldsMessage);
  }
}

/** The routes of our own additions: the signing secret and the delivery log. */
function addOwnRoutes(router: Router, service: CallbacksService, guard: readonly RequestHandler[]): void {
  router
    .route('/v1/callbacks/signing-secret')
    .get(ours, ...guard, async (_req, res) => {
      res.json(await service.signingSecret(accountOf(res)));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/callbacks/signing-secret/rotate')
    .post(ours, ...guard, async (_req, res) => {
      res.json(await service.rotateSecret(accountOf(res)));
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/v1/callbacks/deliveries')
    .get(ours, ...guard, async (req, res) => {
      const query = parseOrThrow(ListDeliveriesQuery, req.query, 'query');
      res.json(await service.deliveries(accountOf(res), query));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));
  router
    .route('/v1/callbacks/deliveries/:id/redeliver')
    .post(ours, ...guard, async (req, res) => {
      const delivery = valueOrAnswer(res, await service.redeliver(accountOf(res), req.params.id));
      if (delivery) res.json(delivery);
    })
    .all(methodNotAllowed(['POST']));
}

/** Counts a test send of the account; over the budget, 429 with `Retry-After`. */
async function spendTestBudget(limiter: RateLimiter, res: Response): Promise<void> {
  const decision = await limiter.check(`callback-test:${accountOf(res).id}`);
  if (decision.ok) return;
  const { retryAfterSeconds } = decision;
  throw new ApiProblem('rate_limited', callbackTestLimitMessage(retryAfterSeconds), { retryAfterSeconds });
}

/** `POST /v1/callbacks/:event/test` (ours): one signed test delivery, sent now; the answer is its outcome. */
function addTestRoute(router: Router, test: CallbackTestRouteDeps, guard: readonly RequestHandler[]): void {
  router
    .route('/v1/callbacks/:event/test')
    .post(ours, ...guard, async (req, res) => {
      const parsed = CallbackEvent.safeParse(req.params.event);
      if (!parsed.success) throw new ApiProblem('not_found', callbackNotFoundMessage(req.params.event));
      await spendTestBudget(test.limiter, res);
      const result = await test.send(accountOf(res), parsed.data, { name: actorNameOf(res) });
      if (!result.ok) throw new ApiProblem('not_found', callbackNotFoundMessage(parsed.data));
      const outcome = result.value;
      const detail = outcome.status_code === null ? (outcome.error ?? '') : `HTTP ${outcome.status_code}`;
      await test.audit(res, 'callback.test', parsed.data, `${detail} in ${outcome.latency_ms} ms`);
      res.json(outcome);
    })
    .all(methodNotAllowed(['POST']));
}

/** PAVE's `/v1/callbacks` routes and ours beside them (see callbacks.docs.ts), every one behind `guard`. */
export function createCallbacksRouter(
  service: CallbacksService,
  guard: readonly RequestHandler[],
  test: CallbackTestRouteDeps,
): Router {
  const router = Router();
  router
    .route('/v1/callbacks')
    .get(pave, ...guard, async (_req, res) => {
      const account = accountOf(res);
      res.json({ api_key: account.apiKey, data: await service.list(account) });
    })
    .post(pave, ...guard, ...jsonBody, async (req, res) => {
      requireFields(req.body);
      const request = parseOrThrow(CreateCallbackRequest, req.body, 'callback');
      const saved = valueOrAnswer(res, await service.create(accountOf(res), request));
      if (saved) res.json({ api_key: accountOf(res).apiKey, ...saved });
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));
  addOwnRoutes(router, service, guard);
  addTestRoute(router, test, guard);
  router
    .route('/v1/callbacks/:event')
    .get(pave, ...guard, async (req, res) => {
      const event = eventOrAnswer(res, req.params.event);
      const found = event && valueOrAnswer(res, await service.get(accountOf(res), event));
      if (found) res.json({ api_key: accountOf(res).apiKey, data: found });
    })
    .put(pave, ...guard, ...jsonBody, async (req, res) => {
      const event = eventOrAnswer(res, req.params.event);
      if (!event) return;
      const change = parseOrThrow(UpdateCallbackRequest, req.body ?? {}, 'callback');
      const saved = valueOrAnswer(res, await service.update(accountOf(res), event, change));
      if (saved) res.json({ api_key: accountOf(res).apiKey, ...saved });
    })
    .delete(pave, ...guard, async (req, res) => {
      const event = eventOrAnswer(res, req.params.event);
      const removed = event && valueOrAnswer(res, await service.remove(accountOf(res), event));
      if (removed) res.json({ api_key: accountOf(res).apiKey, message: callbackRemovedMessage(removed) });
    })
    .all(methodNotAllowed(['DELETE', 'GET', 'HEAD', 'PUT']));
  return router;
}
