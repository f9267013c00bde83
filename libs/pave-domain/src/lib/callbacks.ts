import * as z from 'zod/mini';
import { utf8Length } from './base64.js';
import { CallbackEvent } from './session-events.js';
import { AbsoluteUrl } from './session-photo.js';
import { SessionKey } from './session.js';
import { WireTimestamp } from './timestamps.js';

/** How a delivery is sent. PAVE documents `POST` (the default); `PUT` is accepted for receivers that want it. */
export const CallbackMethod = z.enum(['POST', 'PUT']);
export type CallbackMethod = z.infer<typeof CallbackMethod>;

/** Headers a callback may not set: the ones the delivery itself defines (signature, length, type, host). */
export const reservedCallbackHeaders = [
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-type',
  'content-length',
  'host',
  'transfer-encoding',
  'connection',
] as const;

const maxCustomHeaders = 20;
/** The largest custom `payload`, as JSON text. */
export const maxCustomPayloadBytes = 8192;

const HeaderName = z.string().check(z.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, { message: 'not a header name' }));
const HeaderValue = z.string().check(z.maxLength(1024), z.regex(/^[^\r\n\0]*$/, { message: 'not a header value' }));

/** Static headers sent with every delivery of a callback: at most 20, none of the reserved ones. */
export const CallbackHeaders = z.record(HeaderName, HeaderValue).check(
  z.refine((headers) => Object.keys(headers).length <= maxCustomHeaders, {
    message: `at most ${maxCustomHeaders} headers`,
  }),
  z.refine(
    (headers) =>
      Object.keys(headers).every(
        (name) => !(reservedCallbackHeaders as readonly string[]).includes(name.toLowerCase()),
      ),
    { message: `none of ${reservedCallbackHeaders.join(', ')} may be set` },
  ),
);
export type CallbackHeaders = z.infer<typeof CallbackHeaders>;

/** Keys merged into the top level of every delivery (PAVE's custom `payload`): a JSON object of at most 8 KB. */
export const CallbackPayload = z.record(z.string().check(z.minLength(1), z.maxLength(128)), z.json()).check(
  z.refine((payload) => utf8Length(JSON.stringify(payload)) <= maxCustomPayloadBytes, {
    message: `at most ${maxCustomPayloadBytes} bytes as JSON`,
  }),
);
export type CallbackPayload = z.infer<typeof CallbackPayload>;

const CallbackUrl = AbsoluteUrl.check(z.maxLength(2048));

/** Body of `POST /v1/callbacks`: `event` and `url` required (PAVE). */
export const CreateCallbackRequest = z.strictObject({
  event: CallbackEvent,
  url: CallbackUrl,
  method: z.optional(CallbackMethod),
  headers: z.optional(CallbackHeaders),
  payload: z.optional(CallbackPayload),
});
export type CreateCallbackRequest = z.infer<typeof CreateCallbackRequest>;

/** Body of `PUT /v1/callbacks/:event`: any of `url`, `method`, `headers`, `payload`; omitted ones stay. */
export const UpdateCallbackRequest = z.strictObject({
  url: z.optional(CallbackUrl),
  method: z.optional(CallbackMethod),
  headers: z.optional(CallbackHeaders),
  payload: z.optional(CallbackPayload),
});
export type UpdateCallbackRequest = z.infer<typeof UpdateCallbackRequest>;

/** One callback configuration as PAVE answers it. */
export const Callback = z.object({
  event: CallbackEvent,
  url: AbsoluteUrl,
  method: CallbackMethod,
  headers: z.record(z.string(), z.string()),
  payload: z.record(z.string(), z.json()),
});
export type Callback = z.infer<typeof Callback>;

/** 200 body of `GET /v1/callbacks`. */
export const CallbackList = z.object({ api_key: z.string(), data: z.array(Callback) });
export type CallbackList = z.infer<typeof CallbackList>;

/** 200 body of `GET /v1/callbacks/:event`. */
export const CallbackEntry = z.object({ api_key: z.string(), data: Callback });
export type CallbackEntry = z.infer<typeof CallbackEntry>;

/** 200 body of `POST /v1/callbacks` and `PUT /v1/callbacks/:event`: the configuration, with the API key. */
export const CallbackSaved = z.object({ api_key: z.string(), ...Callback.shape });
export type CallbackSaved = z.infer<typeof CallbackSaved>;

/** 200 body of `DELETE /v1/callbacks/:event`, and of PAVE's 404 for an event without configuration. */
export const CallbackMessage = z.object({ api_key: z.string(), message: z.string() });
export type CallbackMessage = z.infer<typeof CallbackMessage>;

/** PAVE's 400 message when `event` or `url` is missing from `POST /v1/callbacks`. */
export const missingCallbackFieldsMessage = 'Missing required fields.';

/** PAVE's 404 message for an event the API key has no callback for. */
export function callbackNotFoundMessage(event: string): string {
  return `Your API Key does not have callback setting for the event ${event}.`;
}

/** PAVE's 200 message of `DELETE /v1/callbacks/:event`. */
export function callbackRemovedMessage(event: string): string {
  return `Callback setting ${event} has been successfully removed.`;
}

/** 200 body of `GET /v1/callbacks/signing-secret` and of its rotation. */
export const SigningSecretResponse = z.object({
  api_key: z.string(),
  /** The secret deliveries are signed with, `whsec_<base64>`. */
  secret: z.string().check(z.startsWith('whsec_')),
  created_at: WireTimestamp,
  /** Until when the previous secret still signs alongside (a second `v1,` entry); null when there is none. */
  previous_expires_at: z.nullable(WireTimestamp),
});
export type SigningSecretResponse = z.infer<typeof SigningSecretResponse>;

/** Where a delivery stands: waiting for its next try, delivered (a 2xx answer), or given up on. */
export const DeliveryState = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** One try of a delivery. */
export const DeliveryAttempt = z.object({
  at: WireTimestamp,
  url: z.string(),
  /** The receiver's HTTP status; null when no answer came (refused, timed out, blocked). */
  status_code: z.nullable(z.number().check(z.int())),
  latency_ms: z.number().check(z.int(), z.nonnegative()),
  /** Why the try failed without a status (or with a non-2xx one); null when it succeeded. */
  error: z.nullable(z.string()),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

/** A delivery of one event to the account's callback of that event, with its tries. */
export const Delivery = z.object({
  id: z.string(),
  /** The event's id: the `webhook-id` header, the same on every try. */
  webhook_id: z.string(),
  event: CallbackEvent,
  session_key: SessionKey,
  seq: z.number().check(z.int(), z.positive()),
  state: DeliveryState,
  created_at: WireTimestamp,
  /** When the next try is due; null once delivered or failed. */
  next_attempt_at: z.nullable(WireTimestamp),
  /** When a 2xx answer came; null until then. */
  delivered_at: z.nullable(WireTimestamp),
  attempts: z.array(DeliveryAttempt),
});
export type Delivery = z.infer<typeof Delivery>;

/** Query of `GET /v1/callbacks/deliveries`: filters, page size and the cursor of the next (older) page. */
export const ListDeliveriesQuery = z.strictObject({
  event: z.optional(CallbackEvent),
  session_key: z.optional(SessionKey),
  state: z.optional(DeliveryState),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,17}$/))),
});
export type ListDeliveriesQuery = z.infer<typeof ListDeliveriesQuery>;

/** 200 body of `GET /v1/callbacks/deliveries`: newest first; `next_cursor` is null on the last page. */
export const DeliveryList = z.object({ data: z.array(Delivery), next_cursor: z.nullable(z.string()) });
export type DeliveryList = z.infer<typeof DeliveryList>;

/** The 404 message for a delivery id the account does not have. */
export function deliveryNotFoundMessage(id: string): string {
  return `Delivery ${id} cannot be found.`;
}
