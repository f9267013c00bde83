import { buildSession } from '../testing.js';
import { CreateCallbackRequest, UpdateCallbackRequest } from './callbacks.js';
import { CaptureToken } from './capture-link.js';
import {
  CompletePayload,
  StageChangePayload,
  StatusChangePayload,
  toEventBody,
  toStoredEvent,
  WebhookEventBody,
  withCaptureToken,
  type SessionEventPayload,
} from './session-events.js';

const stage = {
  session_key: 'DEM-0123456789',
  photo_code: 5,
  photo_label: 'Front',
  photo_url: 'https://pave.example.test/images/a.jpg',
  photo_status: 'REJECTED',
  message: 'Too Dark',
};

describe('event payloads', () => {
  it('accepts a stage change and refuses a label of another code or a message on an accepted photo', () => {
    expect(StageChangePayload.safeParse(stage).success).toBe(true);
    expect(StageChangePayload.safeParse({ ...stage, photo_label: 'Rear' }).success).toBe(false);
    expect(StageChangePayload.safeParse({ ...stage, photo_status: 'ACCEPTED' }).success).toBe(false);
  });

  it('refuses a status change to the same status', () => {
    const change = { session_key: 'DEM-0123456789', status: 'STARTED', previous_status: 'STARTED' };
    expect(StatusChangePayload.safeParse(change).success).toBe(false);
  });

  it('carries the results document in SESSION:COMPLETE', () => {
    const session = { ...buildSession({ status: 'COMPLETE' }), capture_duration: 12, inspect_duration: 30 };
    const document = {
      session: { ...session, source: { type: 'api', properties: { api_name: 'acme' } } },
      vehicle: session.vehicle,
      photos: [],
    };
    expect(CompletePayload.parse(document).session.source.properties.api_name).toBe('acme');
  });

  it('builds a body whose own fields win over custom keys, and reads it back typed', () => {
    const body = toEventBody(
      { event: 'SESSION:STAGE_CHANGE', seq: 3, payload: stage },
      { seq: 99, event: 'x', dealer: 'north' },
    );
    expect(body).toEqual({ dealer: 'north', event: 'SESSION:STAGE_CHANGE', ...stage, seq: 3 });
    const typed = WebhookEventBody.parse(body);
    expect(typed.event === 'SESSION:STAGE_CHANGE' && typed.photo_code).toBe(5);
    expect(typed['dealer']).toBe('north');
  });

  it('types each payload by its event', () => {
    const recorded = {
      event: 'SESSION:STATUS_CHANGE',
      payload: { session_key: 'DEM-0123456789' as never, status: 'STARTED', previous_status: 'IDLE' },
    } satisfies SessionEventPayload;
    // @ts-expect-error a stage change payload is not a status change's
    const wrong: SessionEventPayload = { event: 'SESSION:STATUS_CHANGE', payload: stage };
    expect([recorded, wrong]).toHaveLength(2);
  });
});

describe('capture tokens of stored events', () => {
  const token = CaptureToken.parse('k3Vt9-R2pLq0XyZ8aB4cD6eFk3Vt9-R2pLq0XyZ8aB4');
  const bare = 'https://pave.example.test/capture/DEM-0123456789';
  const session = { ...buildSession({ status: 'COMPLETE', capture_url: `${bare}#${token}` }) };
  const complete = CompletePayload.parse({
    session: {
      ...session,
      capture_duration: 12,
      inspect_duration: 30,
      source: { type: 'api', properties: { api_name: 'acme' } },
    },
    vehicle: session.vehicle,
    photos: [],
  });

  it('stores SESSION:COMPLETE with its capture link cut before the token, and changes nothing else', () => {
    const stored = toStoredEvent({ event: 'SESSION:COMPLETE', payload: complete });
    expect(stored).toEqual({
      event: 'SESSION:COMPLETE',
      payload: { ...complete, session: { ...complete.session, capture_url: bare } },
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(CompletePayload.safeParse(stored.payload).success).toBe(true);
  });

  it('stores the other events as they are', () => {
    const recorded = { event: 'SESSION:STAGE_CHANGE', payload: StageChangePayload.parse(stage) } as const;
    expect(toStoredEvent(recorded)).toBe(recorded);
  });

  it('puts the token back into a stored SESSION:COMPLETE, giving the document as it was recorded', () => {
    const stored = toStoredEvent({ event: 'SESSION:COMPLETE', payload: complete });
    if (stored.event !== 'SESSION:COMPLETE') throw new Error('invariant: still SESSION:COMPLETE');
    const restored = withCaptureToken(stored.payload, token);
    expect(restored).toEqual(complete);
    expect(JSON.stringify(restored)).toBe(JSON.stringify(complete));
  });
});

describe('callback requests', () => {
  const valid = { event: 'SESSION:COMPLETE', url: 'https://hooks.example.test/pave' };

  it('needs event and url; method, headers and payload are optional', () => {
    expect(CreateCallbackRequest.safeParse(valid).success).toBe(true);
    expect(CreateCallbackRequest.safeParse({ url: valid.url }).success).toBe(false);
    expect(CreateCallbackRequest.safeParse({ event: valid.event }).success).toBe(false);
  });

  it.each([
    ['an unknown event', { event: 'SESSION:SMS_PROCESS' }],
    ['a non-http url', { url: 'ftp://example.test/x' }],
    ['a reserved header', { headers: { 'Webhook-Signature': 'x' } }],
    ['a header value with a newline', { headers: { 'X-A': 'a\r\nb' } }],
    ['an oversized payload', { payload: { big: 'x'.repeat(9000) } }],
    ['an unknown key', { retries: 3 }],
  ])('refuses %s', (_why, change) => {
    expect(CreateCallbackRequest.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('lets an update change any field alone', () => {
    expect(UpdateCallbackRequest.parse({ method: 'PUT' })).toEqual({ method: 'PUT' });
  });
});
