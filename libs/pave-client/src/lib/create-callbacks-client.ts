import {
  CallbackEntry,
  CallbackList,
  CallbackMessage,
  CallbackSaved,
  CallbackTestResult,
  Delivery,
  DeliveryList,
  SigningSecretResponse,
  type CallbackEvent,
  type CreateCallbackRequest,
  type DeliveryState,
  type UpdateCallbackRequest,
} from '@pave/domain';
import type { RequestOptions, Transport } from './create-transport.js';

/** Query of `callbacks.deliveries`: filters, page size (1–100, server default 20), cursor from `next_cursor`. */
export type ListDeliveriesParams = {
  event?: CallbackEvent;
  session_key?: string;
  state?: DeliveryState;
  limit?: number;
  cursor?: string;
};

/** The signed callback endpoints (`/v1/callbacks/…`): PAVE's configuration routes, our signing secret and log. */
export type CallbacksClient = {
  /** `GET /v1/callbacks`: one configuration per event. */
  list(options?: RequestOptions): Promise<CallbackList>;
  /** `GET /v1/callbacks/:event`; PaveNotFoundError when the event has none. */
  get(event: CallbackEvent, options?: RequestOptions): Promise<CallbackEntry>;
  /** `POST /v1/callbacks`: creates or replaces the event's configuration. */
  create(input: CreateCallbackRequest, options?: RequestOptions): Promise<CallbackSaved>;
  /** `PUT /v1/callbacks/:event`: changes the given fields. */
  update(event: CallbackEvent, change: UpdateCallbackRequest, options?: RequestOptions): Promise<CallbackSaved>;
  /** `DELETE /v1/callbacks/:event`. */
  delete(event: CallbackEvent, options?: RequestOptions): Promise<CallbackMessage>;
  /**
   * `POST /v1/callbacks/:event/test` (ours): sends one signed test event to the event's callback now and answers the
   * outcome (`delivered`, the receiver's `status_code`, `latency_ms`, `error`); a receiver's failure is an outcome, not
   * a throw. One attempt with a 20 s deadline (the server waits up to 10 s for the receiver). PaveNotFoundError when
   * the event has no callback; PaveApiError 429 (not retried) over the per-minute budget.
   */
  test(event: CallbackEvent, options?: RequestOptions): Promise<CallbackTestResult>;
  /** `GET /v1/callbacks/signing-secret`: the `whsec_…` secret deliveries are signed with. */
  signingSecret(options?: RequestOptions): Promise<SigningSecretResponse>;
  /** `POST /v1/callbacks/signing-secret/rotate`: a new secret; the old one signs alongside for 24 h. */
  rotateSigningSecret(options?: RequestOptions): Promise<SigningSecretResponse>;
  /** `GET /v1/callbacks/deliveries`: the delivery log, newest first, with every try. */
  deliveries(query?: ListDeliveriesParams, options?: RequestOptions): Promise<DeliveryList>;
  /** `POST /v1/callbacks/deliveries/:id/redeliver`: the delivery is sent again, with a fresh schedule. */
  redeliver(id: string, options?: RequestOptions): Promise<Delivery>;
};

function eventPath(event: string): string {
  return `/v1/callbacks/${encodeURIComponent(event)}`;
}

/** The callbacks client over a signed transport. */
export function buildCallbacksClient(send: Transport): CallbacksClient {
  return {
    list: (options) => send({ method: 'GET', path: '/v1/callbacks', schema: CallbackList }, options),
    get: (event, options) => send({ method: 'GET', path: eventPath(event), schema: CallbackEntry }, options),
    create: (input, options) =>
      send({ method: 'POST', path: '/v1/callbacks', json: input, schema: CallbackSaved }, options),
    update: (event, change, options) =>
      send({ method: 'PUT', path: eventPath(event), json: change, schema: CallbackSaved }, options),
    delete: (event, options) => send({ method: 'DELETE', path: eventPath(event), schema: CallbackMessage }, options),
    test: (event, options) =>
      send(
        // the server waits up to 10 s for the receiver; a 429 is the budget, which waiting here would only hide
        {
          method: 'POST',
          path: `${eventPath(event)}/test`,
          schema: CallbackTestResult,
          timeoutMs: 20_000,
          retry: false,
        },
        options,
      ),
    signingSecret: (options) =>
      send({ method: 'GET', path: '/v1/callbacks/signing-secret', schema: SigningSecretResponse }, options),
    rotateSigningSecret: (options) =>
      send({ method: 'POST', path: '/v1/callbacks/signing-secret/rotate', schema: SigningSecretResponse }, options),
    deliveries: (query = {}, options) => {
      const { event, session_key, state, limit, cursor } = query;
      const call = {
        method: 'GET',
        path: '/v1/callbacks/deliveries',
        query: { event, session_key, state, limit, cursor },
        schema: DeliveryList,
      } as const;
      return send(call, options);
    },
    redeliver: (id, options) =>
      send(
        { method: 'POST', path: `/v1/callbacks/deliveries/${encodeURIComponent(id)}/redeliver`, schema: Delivery },
        options,
      ),
  };
}
