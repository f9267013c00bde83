import { callbackEvents, eventPayloadSchemas, toEventBody, WebhookEventBody } from './session-events.js';
import { isTestSessionKey, sampleEventPayload, testEventSessionKey } from './callback-test.js';
import { SessionKey } from './session.js';

const context = {
  at: new Date('2026-03-01T10:00:00Z'),
  publicBaseUrl: 'https://pave.example.test',
  apiName: 'acme',
  author: 'admin@example.test',
};

describe('sampleEventPayload', () => {
  it.each(callbackEvents)('gives %s a payload valid under its schema, on the test session key', (event) => {
    const payload = sampleEventPayload(event, context);
    expect(eventPayloadSchemas[event].safeParse(payload).success).toBe(true);
    const body = WebhookEventBody.parse(toEventBody({ event, seq: 1, payload }));
    expect(body.event === 'SESSION:COMPLETE' ? body.session.session_key : body.session_key).toBe(testEventSessionKey);
  });
});

describe('testEventSessionKey', () => {
  it('is a well-formed session key that isTestSessionKey recognises, and no other', () => {
    expect(SessionKey.safeParse(testEventSessionKey).success).toBe(true);
    expect([isTestSessionKey(testEventSessionKey), isTestSessionKey('TST-0000000001')]).toEqual([true, false]);
  });
});
