import {
  CallbackEntry,
  CallbackEvent,
  CallbackList,
  CallbackMessage,
  CallbackSaved,
  CallbackTestResult,
  callbackTestsPerMinute,
  CompleteEvent,
  CreateCallbackRequest,
  Delivery,
  DeliveryList,
  ListDeliveriesQuery,
  NoteInsertEvent,
  SigningSecretResponse,
  StageChangeEvent,
  StatusChangeEvent,
  testEventSessionKey,
  testWebhookIdPrefix,
  UpdateCallbackRequest,
} from '@pave/domain';
import { z } from 'zod';
import type { WebhookDoc } from '../openapi/openapi-document.js';
import { refusal, routeGroup, type RouteDoc } from '../openapi/route-doc.js';

const unauthorized = refusal('Missing or invalid credentials; the message says which header or what is wrong.');
const noCallback = {
  description: 'PAVE: `{"api_key", "message": "Your API Key does not have callback setting for the event …"}`.',
  schema: CallbackMessage,
};
const eventParam = { event: { schema: CallbackEvent, description: 'The event, e.g. `SESSION:COMPLETE`.' } };

const paveRoutes = routeGroup({ tag: 'Callbacks', auth: true }, [
  {
    method: 'get',
    path: '/v1/callbacks',
    operationId: 'listCallbacks',
    summary: "List the API key's callbacks",
    responses: { 200: { description: 'One configuration per event.', schema: CallbackList }, 401: unauthorized },
  },
  {
    method: 'post',
    path: '/v1/callbacks',
    operationId: 'createCallback',
    summary: 'Create (or replace) the callback of an event',
    description:
      'PAVE-compatible. `event` and `url` are required (400 "Missing required fields."). URLs on loopback, private or link-local addresses are refused unless the server allows them.',
    body: { schema: CreateCallbackRequest, contentType: 'application/json' },
    responses: {
      200: { description: 'The saved configuration.', schema: CallbackSaved },
      400: refusal('Missing fields, a bad value, or a URL on a refused address.'),
      401: unauthorized,
    },
  },
]);

const eventRoutes = routeGroup({ tag: 'Callbacks', auth: true, pathParams: eventParam }, [
  {
    method: 'get',
    path: '/v1/callbacks/:event',
    operationId: 'getCallback',
    summary: 'Read the callback of an event',
    responses: {
      200: { description: 'The configuration.', schema: CallbackEntry },
      401: unauthorized,
      404: noCallback,
    },
  },
  {
    method: 'put',
    path: '/v1/callbacks/:event',
    operationId: 'updateCallback',
    summary: 'Change the callback of an event',
    body: { schema: UpdateCallbackRequest, contentType: 'application/json' },
    responses: {
      200: { description: 'The saved configuration.', schema: CallbackSaved },
      400: refusal('A bad value, or a URL on a refused address.'),
      401: unauthorized,
      404: noCallback,
    },
  },
  {
    method: 'post',
    path: '/v1/callbacks/:event/test',
    operationId: 'testCallback',
    summary: 'Send a test event to the callback of an event',
    description: `Our extension: one made-up event of that type, valid under its schema, on the session key \`${testEventSessionKey}\` (no session ever has it) with \`"test": true\` at the top level and a \`webhook-id\` starting \`${testWebhookIdPrefix}\`. It is signed, guarded and sent exactly as real deliveries are (10 s timeout, no redirects), at once and once: never retried, and not in the delivery log (the audit log records it). The answer is the outcome, also when the receiver failed or its address was refused. At most ${callbackTestsPerMinute} per account and minute.`,
    responses: {
      200: {
        description: "The outcome: the receiver's status, the latency, why it failed.",
        schema: CallbackTestResult,
      },
      401: unauthorized,
      403: refusal('A signed-in person without the admin role.'),
      404: refusal('No callback for this event.'),
      429: refusal(`Over ${callbackTestsPerMinute} test sends this minute; \`Retry-After\` says when to try again.`),
    },
  },
  {
    method: 'delete',
    path: '/v1/callbacks/:event',
    operationId: 'deleteCallback',
    summary: 'Remove the callback of an event',
    responses: {
      200: { description: 'PAVE: "Callback setting … has been successfully removed."', schema: CallbackMessage },
      401: unauthorized,
      404: noCallback,
    },
  },
]);

const ownRoutes = routeGroup({ tag: 'Callbacks', auth: true }, [
  {
    method: 'get',
    path: '/v1/callbacks/signing-secret',
    operationId: 'getSigningSecret',
    summary: "The account's webhook signing secret",
    description: 'Our extension: `whsec_<base64>`, made on first use; every delivery is signed with it.',
    responses: { 200: { description: 'The secret.', schema: SigningSecretResponse }, 401: unauthorized },
  },
  {
    method: 'post',
    path: '/v1/callbacks/signing-secret/rotate',
    operationId: 'rotateSigningSecret',
    summary: 'Replace the signing secret',
    description: 'Our extension: the previous secret keeps signing alongside the new one for 24 hours.',
    responses: { 200: { description: 'The new secret.', schema: SigningSecretResponse }, 401: unauthorized },
  },
  {
    method: 'get',
    path: '/v1/callbacks/deliveries',
    operationId: 'listDeliveries',
    summary: 'The delivery log',
    description: 'Our extension: newest first, with every try (time, status code, latency, error).',
    query: ListDeliveriesQuery,
    responses: {
      200: { description: 'One page of deliveries.', schema: DeliveryList },
      400: refusal('A bad filter, limit or cursor.'),
      401: unauthorized,
    },
  },
  {
    method: 'post',
    path: '/v1/callbacks/deliveries/:id/redeliver',
    operationId: 'redeliver',
    summary: 'Send a delivery again',
    description: 'Our extension: the delivery becomes pending, due now, with a fresh retry schedule.',
    pathParams: { id: { schema: z.string(), description: "The delivery's id." } },
    responses: {
      200: { description: 'The delivery, pending again.', schema: Delivery },
      401: unauthorized,
      404: refusal('No such delivery for this API key.'),
    },
  },
]);

/** The callbacks routes, as the OpenAPI document describes them. */
export const callbacksRouteDocs: readonly RouteDoc[] = [...paveRoutes, ...ownRoutes, ...eventRoutes];

/** The events a callback delivers, as OpenAPI webhooks. */
export const callbackWebhookDocs: readonly WebhookDoc[] = [
  { event: 'SESSION:STAGE_CHANGE', summary: 'A capture attempt and its verdict', schema: StageChangeEvent },
  { event: 'SESSION:STATUS_CHANGE', summary: 'The session changed status', schema: StatusChangeEvent },
  { event: 'SESSION:COMPLETE', summary: 'The results document of a completed session', schema: CompleteEvent },
  { event: 'SESSION:NOTE_INSERT', summary: 'A note was added to the session', schema: NoteInsertEvent },
];
