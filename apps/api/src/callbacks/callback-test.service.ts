import { randomBytes } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  formatWireTimestamp,
  sampleEventPayload,
  testEventMarker,
  testEventSessionKey,
  testWebhookIdPrefix,
  toEventBody,
  type CallbackEvent,
  type CallbackTestResult,
  type Result,
} from '@pave/domain';
import type { SecretBox } from '../secrets/secret-box.js';
import type { AccountRow, Repository } from '../storage/repository.js';
import { newSealedSecret, type CallbacksError } from './callbacks.service.js';
import { sendWebhook } from './send-webhook.js';
import { activeSecrets } from './sign-webhook.js';
import { createWebhookSendOptions, signedWebhookRequest } from './webhook-request.js';

/** What a test send needs. */
export type CallbackTestDeps = {
  readonly repo: Repository;
  readonly now: () => Date;
  readonly secretBox: SecretBox;
  readonly publicBaseUrl: string;
  /** Receivers on loopback or private addresses are allowed (`PAVE_WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivate: boolean;
  /** The deadline of the request (`PAVE_WEBHOOK_TIMEOUT_MS`, 10 s by default). */
  readonly timeoutMs: number;
};

/** Who asked for the test: the note author of a `SESSION:NOTE_INSERT` sample. */
export type TestRequester = { readonly name: string };

/** A test event's `webhook-id`: {@link testWebhookIdPrefix} and 24 random hex digits. */
function testWebhookId(): string {
  return `${testWebhookIdPrefix}${randomBytes(12).toString('hex')}`;
}

/**
 * Sends one made-up event of `event` to the account's callback of that event, now, and says what came of it. The
 * request is built, signed and guarded exactly as the dispatcher's are; it is neither stored in the delivery log nor
 * retried. Refused addresses come back as an outcome (`error`), never thrown.
 */
export function createCallbackTestService(deps: CallbackTestDeps) {
  // a test is a one-off: no keep-alive connection is left open to the receiver
  const sendOptions = createWebhookSendOptions(deps, { http: new HttpAgent(), https: new HttpsAgent() });

  return async (
    account: AccountRow,
    event: CallbackEvent,
    requester: TestRequester,
  ): Promise<Result<CallbackTestResult, CallbacksError>> => {
    const callback = await deps.repo.callbacks.find(account.id, event);
    if (!callback) return { ok: false, error: { code: 'callback_not_found', event } };
    const sentAt = deps.now();
    const at = sentAt.getTime();
    const signing = await deps.repo.signingSecrets.ensure(account.id, () => newSealedSecret(deps.secretBox), at);
    const payload = sampleEventPayload(event, {
      at: sentAt,
      publicBaseUrl: deps.publicBaseUrl,
      apiName: account.username,
      author: requester.name,
    });
    const body = { ...toEventBody({ event, seq: 1, payload }, callback.payload), [testEventMarker]: true };
    const webhookId = testWebhookId();
    const request = signedWebhookRequest({
      callback,
      webhookId,
      body: JSON.stringify(body),
      secrets: activeSecrets(signing, at, deps.secretBox),
      at,
    });
    const response = await sendWebhook(request, sendOptions);
    return {
      ok: true,
      value: {
        event,
        url: callback.url,
        webhook_id: webhookId,
        session_key: testEventSessionKey,
        sent_at: formatWireTimestamp(sentAt),
        delivered: response.error === null,
        status_code: response.status,
        latency_ms: Math.round(response.latencyMs),
        error: response.error,
      },
    };
  };
}

/** Sends a test delivery; see {@link createCallbackTestService}. */
export type CallbackTestService = ReturnType<typeof createCallbackTestService>;
