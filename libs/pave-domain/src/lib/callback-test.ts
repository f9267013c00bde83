import * as z from 'zod/mini';
import { photoLabelOf } from './photo-code.js';
import { toResultsBody } from './session-results.js';
import { settingsOfCreate, toSessionObject } from './session-object.js';
import { CallbackEvent, type EventPayloadOf } from './session-events.js';
import { capturePath, SessionKey } from './session.js';
import { formatWireTimestamp, WireTimestamp } from './timestamps.js';

// A test send (`POST /v1/callbacks/:event/test`) delivers one made-up event so an integrator can check their
// receiver: its signature, their parsing, their firewall. It must be valid under the event's schema (a receiver's
// parser is what is being tested) and impossible to mistake for a real session's event.

/**
 * The session key of every test event. The server never gives a session this key (creation skips it), so a receiver
 * that looks it up finds nothing.
 */
export const testEventSessionKey = SessionKey.parse('TST-0000000000');

/** True for {@link testEventSessionKey}. */
export function isTestSessionKey(sessionKey: string): boolean {
  return sessionKey === testEventSessionKey;
}

/** How a test delivery's `webhook-id` starts (then 24 random hex digits): never the id of a stored event. */
export const testWebhookIdPrefix = 'msg_test_';

/** Where a test `SESSION:STAGE_CHANGE` says its photo is: a reserved `.invalid` host, so nothing is there. */
export const testEventPhotoUrl = 'https://images.example.invalid/pave-test-event.jpg';

/** What a test event is made from: when it happens, the server's base URL and who asked (a note's author). */
export type TestEventContext = {
  readonly at: Date;
  /** The server's absolute base URL (`PUBLIC_BASE_URL`), for the capture link of the `SESSION:COMPLETE` sample. */
  readonly publicBaseUrl: string;
  /** The account's username (the results' `source`) and the note's author. */
  readonly apiName: string;
  readonly author: string;
};

/** The payload of a test event of `event`: the test session key, plausible values, valid under the event's schema. */
export function sampleEventPayload<E extends CallbackEvent>(event: E, context: TestEventContext): EventPayloadOf[E] {
  const samples: { [K in CallbackEvent]: (c: TestEventContext) => EventPayloadOf[K] } = {
    'SESSION:STAGE_CHANGE': () => ({
      session_key: testEventSessionKey,
      photo_code: 2,
      photo_label: photoLabelOf(2),
      photo_url: testEventPhotoUrl,
      photo_status: 'ACCEPTED',
      message: null,
    }),
    'SESSION:STATUS_CHANGE': () => ({ session_key: testEventSessionKey, status: 'STARTED', previous_status: 'IDLE' }),
    'SESSION:COMPLETE': (c) => {
      const session = toSessionObject({
        sessionKey: testEventSessionKey,
        status: 'COMPLETE',
        settings: settingsOfCreate({}),
        learned: { vin: null, odom_reading: null },
        captureUrl: `${c.publicBaseUrl}${capturePath(testEventSessionKey)}`,
        createdAt: c.at,
        updatedAt: c.at,
        expiresAt: new Date(c.at.getTime() + 7 * 86_400_000),
        inspectStartedAt: c.at,
        inspectEndedAt: c.at,
        invalidReason: null,
      });
      return toResultsBody(session, [], c.apiName);
    },
    'SESSION:NOTE_INSERT': (c) => ({
      session_key: testEventSessionKey,
      note: {
        id: 1,
        note: 'A test note: this event was sent by "Send test".',
        author: c.author,
        created_at: formatWireTimestamp(c.at),
      },
    }),
  };
  return samples[event](context);
}

/** The top-level key (`"test": true`) that marks the body of a test delivery; real deliveries never carry it. */
export const testEventMarker = 'test';

/**
 * 200 body of `POST /v1/callbacks/:event/test` (ours): what came of one signed test delivery, sent at once and never
 * retried. `delivered` is true exactly when the receiver answered 2xx within the timeout.
 */
export const CallbackTestResult = z.object({
  event: CallbackEvent,
  url: z.string(),
  /** The `webhook-id` the test delivery carried (`msg_test_…`). */
  webhook_id: z.string(),
  session_key: SessionKey,
  sent_at: WireTimestamp,
  delivered: z.boolean(),
  /** The receiver's HTTP status; null when no answer came (refused address, connection error, timeout). */
  status_code: z.nullable(z.int()),
  latency_ms: z.int().check(z.nonnegative()),
  /** Why it was not delivered (a non-2xx status, no answer, a refused address); null when delivered. */
  error: z.nullable(z.string()),
});
export type CallbackTestResult = z.infer<typeof CallbackTestResult>;

/** How many test sends an account may make per minute (each one reaches an outside URL on demand). */
export const callbackTestsPerMinute = 5;

/** The 429 message of a test send over {@link callbackTestsPerMinute}. */
export function callbackTestLimitMessage(retryAfterSeconds: number): string {
  return `At most ${callbackTestsPerMinute} test sends per minute for this account; retry in ${retryAfterSeconds} s.`;
}
