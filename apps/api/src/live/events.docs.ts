import { SessionKey } from '@pave/domain';
import { refusal, routeGroup, type RouteDoc } from '../openapi/route-doc.js';

const stream = (what: string) => ({
  description:
    `${what} A \`text/event-stream\`: each message has \`id:\`, \`event:\` (SESSION:STAGE_CHANGE, ` +
    'SESSION:STATUS_CHANGE, SESSION:COMPLETE, SESSION:NOTE_INSERT) and a `data:` line with the event body, what a ' +
    'callback receives (`event`, `seq`, the fields of the event); comment lines are heartbeats. Send the last `id:` ' +
    'read as `Last-Event-ID` to resume.',
  contentType: 'text/event-stream',
});
const unauthorized = refusal('Missing or invalid credentials; the message says which header or what is wrong.');
const tooMany = refusal(
  'Too many streams are open for this account or on this server (`Retry-After` says when to try again).',
);
const unavailable = refusal('Live events cannot be heard right now (PostgreSQL listener down); try again.');
const badPosition = refusal('`Last-Event-ID` is not the id of an event (digits).');

/** The routes of events.router.ts. */
export const eventsRouteDocs: readonly RouteDoc[] = [
  ...routeGroup(
    {
      tag: 'Live events',
      auth: true,
      pathParams: { session_key: { schema: SessionKey, description: 'The session key.' } },
    },
    [
      {
        method: 'get',
        path: '/v1/sessions/:session_key/events',
        operationId: 'streamSessionEvents',
        summary: "Follow a session's events as they happen",
        description:
          'Ours. Every event of the session in order, from the first or after `Last-Event-ID` (`id:` is the ' +
          "event's `seq`), then each new one within moments of its change, on any instance. Once the session is " +
          'terminal (COMPLETE, EXPIRED, INVALID) a last `STREAM:END` message says so and the stream ends.',
        responses: {
          200: stream('The events.'),
          400: badPosition,
          401: unauthorized,
          404: refusal("No such session for this API key (unknown, malformed or another account's key)."),
          429: tooMany,
          503: unavailable,
        },
      },
    ],
  ),
  ...routeGroup({ tag: 'Live events', auth: true }, [
    {
      method: 'get',
      path: '/v1/events',
      operationId: 'streamAccountEvents',
      summary: 'Follow the events of every session of the account',
      description:
        "Ours, for dashboards. Events recorded from now on (or after `Last-Event-ID`; `id:` is the event's position " +
        'among all of them), every session of the account, as they happen. Never ends by itself.',
      responses: { 200: stream('The events.'), 400: badPosition, 401: unauthorized, 429: tooMany, 503: unavailable },
    },
  ]),
];
