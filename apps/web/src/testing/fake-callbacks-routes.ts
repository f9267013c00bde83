import {
  callbackNotFoundMessage,
  callbackRemovedMessage,
  CallbackEvent,
  CreateCallbackRequest,
  deliveryNotFoundMessage,
  formatWireTimestamp,
  testEventSessionKey,
  type CallbackTestResult,
  ListDeliveriesQuery,
  UpdateCallbackRequest,
  type Callback,
  type Delivery,
} from '@pave/domain';
import { answer, parseBody, refuse, type FakeHandler, type FakeRouteContext } from './fake-api-answers.js';

/** The account's callback configuration, signing secret and delivery log, as the fake API keeps them. */
export type FakeCallbacksState = {
  readonly callbacks: Map<CallbackEvent, Callback>;
  secrets: { secret: string; createdAt: Date; previousExpiresAt: Date | null; rotations: number };
  deliveries: Delivery[];
};

/** The fake account's signing secret after `rotations` rotations (`whsec_fake0`, `whsec_fake1`…). */
export function fakeSigningSecret(rotations: number): string {
  return `whsec_fake${rotations}`;
}

/** A fake account's callbacks: none configured, a first signing secret, and the given delivery log (newest first). */
export function createFakeCallbacksState(deliveries: readonly Delivery[] = []): FakeCallbacksState {
  return {
    callbacks: new Map(),
    secrets: { secret: fakeSigningSecret(0), createdAt: new Date(0), previousExpiresAt: null, rotations: 0 },
    deliveries: [...deliveries],
  };
}

const apiKeyOf = ({ request }: FakeRouteContext) => request.headers.get('API-Key') ?? '';

function eventOf(context: FakeRouteContext): CallbackEvent | null {
  const parsed = CallbackEvent.safeParse(decodeURIComponent(context.params['event'] ?? ''));
  return parsed.success ? parsed.data : null;
}

/** A route of the fake callbacks API. */
export type CallbacksRoute = keyof ReturnType<typeof createCallbacksRoutes>;

/** The signed `/v1/callbacks…` routes over `state` (the most specific paths first: they are matched in order). */
export function createCallbacksRoutes(state: FakeCallbacksState) {
  const secretAnswer = (context: FakeRouteContext) =>
    answer(200, {
      api_key: apiKeyOf(context),
      secret: state.secrets.secret,
      created_at: formatWireTimestamp(state.secrets.createdAt),
      previous_expires_at: state.secrets.previousExpiresAt && formatWireTimestamp(state.secrets.previousExpiresAt),
    });
  return {
    'GET /v1/callbacks/signing-secret': secretAnswer,
    'POST /v1/callbacks/signing-secret/rotate': (context) => {
      const rotations = state.secrets.rotations + 1;
      const createdAt = context.store.now();
      const previousExpiresAt = new Date(createdAt.getTime() + 86_400_000);
      state.secrets = { secret: fakeSigningSecret(rotations), createdAt, previousExpiresAt, rotations };
      return secretAnswer(context);
    },
    'GET /v1/callbacks/deliveries': ({ url }) => {
      const query = ListDeliveriesQuery.parse(Object.fromEntries(url.searchParams));
      const matching = state.deliveries.filter(
        (delivery) =>
          (query.event === undefined || delivery.event === query.event) &&
          (query.state === undefined || delivery.state === query.state) &&
          (query.session_key === undefined || delivery.session_key === query.session_key),
      );
      const offset = Number(query.cursor ?? '0');
      const end = offset + query.limit;
      return answer(200, {
        data: matching.slice(offset, end),
        next_cursor: end < matching.length ? String(end) : null,
      });
    },
    'POST /v1/callbacks/deliveries/:id/redeliver': (context) => {
      const id = context.params['id'] ?? '';
      const index = state.deliveries.findIndex((delivery) => delivery.id === id);
      const found = state.deliveries[index];
      if (!found) return refuse('not_found', deliveryNotFoundMessage(id));
      const again: Delivery = { ...found, state: 'pending', next_attempt_at: formatWireTimestamp(context.store.now()) };
      state.deliveries[index] = again;
      return answer(200, again);
    },
    'POST /v1/callbacks/:event/test': (context) => {
      const event = eventOf(context);
      const found = event && state.callbacks.get(event);
      if (!event || !found) return refuse('not_found', callbackNotFoundMessage(context.params['event'] ?? ''));
      // the fake receiver always answers 204 at once (a refusal is injected with failNext)
      const outcome: CallbackTestResult = {
        event,
        url: found.url,
        webhook_id: 'msg_test_0123456789abcdef01234567',
        session_key: testEventSessionKey,
        sent_at: formatWireTimestamp(context.store.now()),
        delivered: true,
        status_code: 204,
        latency_ms: 42,
        error: null,
      };
      return answer(200, outcome);
    },
    'GET /v1/callbacks': (context) => answer(200, { api_key: apiKeyOf(context), data: [...state.callbacks.values()] }),
    'POST /v1/callbacks': async (context) => {
      const body = await parseBody(CreateCallbackRequest, context.request, 'callback');
      if (!body.ok) return body.answer;
      const { event, url, method = 'POST', headers = {}, payload = {} } = body.value;
      const saved: Callback = { event, url, method, headers, payload };
      state.callbacks.set(event, saved);
      return answer(200, { api_key: apiKeyOf(context), ...saved });
    },
    'PUT /v1/callbacks/:event': async (context) => {
      const event = eventOf(context);
      const found = event && state.callbacks.get(event);
      if (!event || !found) return refuse('not_found', callbackNotFoundMessage(context.params['event'] ?? ''));
      const body = await parseBody(UpdateCallbackRequest, context.request, 'callback');
      if (!body.ok) return body.answer;
      const { url = found.url, method = found.method, headers = found.headers, payload = found.payload } = body.value;
      const saved: Callback = { event, url, method, headers, payload };
      state.callbacks.set(event, saved);
      return answer(200, { api_key: apiKeyOf(context), ...saved });
    },
    'DELETE /v1/callbacks/:event': (context) => {
      const event = eventOf(context);
      if (!event || !state.callbacks.delete(event)) {
        return refuse('not_found', callbackNotFoundMessage(context.params['event'] ?? ''));
      }
      return answer(200, { api_key: apiKeyOf(context), message: callbackRemovedMessage(event) });
    },
  } satisfies Record<string, FakeHandler>;
}
