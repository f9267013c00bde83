import { nextRetryDelayMs, toEventBody } from '@pave/domain';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { createCaptureTokenReveal } from '../sessions/reveal-capture-token.js';
import type { ClaimedDelivery, DeliveryOutcome, Repository, SigningSecretRow } from '../storage/repository.js';
import { newSealedSecret } from './callbacks.service.js';
import { sendWebhook, type WebhookResponse } from './send-webhook.js';
import { activeSecrets } from './sign-webhook.js';
import { createWebhookSendOptions, signedWebhookRequest } from './webhook-request.js';
import type { WebhookMetrics } from './webhook-metrics.js';

/** How the dispatcher sends: its schedule, limits and timings. */
export type DispatcherSettings = {
  /** Seconds before each retry (see `defaultRetrySchedule`); after the last one a delivery is `failed`. */
  readonly retrySchedule: readonly number[];
  /** Receivers on loopback or private addresses are allowed (tests, private networks). */
  readonly allowPrivate: boolean;
  /** A request's deadline (10 s by the contract). */
  readonly timeoutMs: number;
  /** How long a claim holds; a crashed instance's claims are taken again after it. Longer than `timeoutMs`. */
  readonly leaseMs: number;
  /** Requests in flight at once, over all receivers. */
  readonly concurrency: number;
  /** Requests in flight at once to one host, so one slow receiver cannot hold every slot. */
  readonly perHost: number;
  /** How often storage is asked for due deliveries (an event of this instance that queues one wakes it at once). */
  readonly pollMs: number;
};

/** What the dispatcher needs. */
export type DispatcherDeps = {
  readonly repo: Repository;
  readonly logger: Logger;
  /** Opens the sealed signing secrets, and the sealed capture tokens `SESSION:COMPLETE` bodies carry. */
  readonly secretBox: SecretBox;
  readonly settings: DispatcherSettings;
  readonly metrics?: WebhookMetrics;
  readonly now?: () => Date;
  readonly random?: () => number;
};

/** A running dispatcher. */
export type Dispatcher = {
  /** Looks for due deliveries now (a redelivery, a test). */
  wake(): void;
  /** Stops claiming, and waits for the requests in flight (their outcome is recorded). */
  stop(): Promise<void>;
};

/** A busy host's extra deliveries are put back for this long. */
const hostBusyDelayMs = 250;

function hostOf(delivery: ClaimedDelivery): string {
  try {
    return delivery.callback ? new URL(delivery.callback.url).host : '';
  } catch {
    return '';
  }
}

function outcomeOf(
  delivery: ClaimedDelivery,
  response: WebhookResponse,
  settings: DispatcherSettings,
  at: number,
  random: number,
): DeliveryOutcome {
  if (response.error === null) return { state: 'delivered' };
  const delay = nextRetryDelayMs(settings.retrySchedule, delivery.failedTries + 1, random);
  return delay === null ? { state: 'failed' } : { state: 'pending', nextAttemptAt: at + delay };
}

/**
 * Sends due deliveries: claims them (leased, so N instances never send one at once and a crashed instance's
 * claims come back), signs each per Standard Webhooks with the account's secrets, POSTs (or PUTs) it, and
 * records the try: a 2xx is delivered, anything else is retried on the schedule, then failed.
 */
export function startDispatcher(deps: DispatcherDeps): Dispatcher {
  const { repo, logger, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const sendOptions = createWebhookSendOptions(settings);
  const perHost = new Map<string, number>();
  const reveal = createCaptureTokenReveal(repo.sessions, deps.secretBox);
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let pumping = false;
  let again = false;

  const signingOf = async (delivery: ClaimedDelivery): Promise<SigningSecretRow> =>
    delivery.signing ??
    repo.signingSecrets.ensure(delivery.event.accountId, () => newSealedSecret(deps.secretBox), now().getTime());

  const send = async (delivery: ClaimedDelivery): Promise<void> => {
    const { callback, event } = delivery;
    const at = now().getTime();
    if (!callback) {
      const attempt = { at, url: '', statusCode: null, latencyMs: 0, error: 'the callback was removed' };
      await repo.deliveries.recordAttempt(delivery.id, attempt, { state: 'failed' });
      deps.metrics?.observeTry(event.event, 'failed', 0);
      return;
    }
    const request = signedWebhookRequest({
      callback,
      webhookId: event.eventId,
      body: JSON.stringify(toEventBody(await reveal(event), callback.payload)),
      secrets: activeSecrets(await signingOf(delivery), at, deps.secretBox),
      at,
    });
    const response = await sendWebhook(request, sendOptions);
    const done = now().getTime();
    const outcome = outcomeOf(delivery, response, settings, done, random());
    const attempt = {
      at,
      url: callback.url,
      statusCode: response.status,
      latencyMs: response.latencyMs,
      error: response.error,
    };
    await repo.deliveries.recordAttempt(delivery.id, attempt, outcome);
    const counted = outcome.state === 'pending' ? 'retry' : outcome.state;
    deps.metrics?.observeTry(event.event, counted, response.latencyMs / 1000);
    if (outcome.state === 'delivered') deps.metrics?.observeDelivered(event.event, (done - event.createdAt) / 1000);
  };

  const start = (delivery: ClaimedDelivery): void => {
    const host = hostOf(delivery);
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    const task = send(delivery)
      .catch((error: unknown) =>
        logger.warn({ err: error, delivery: delivery.id }, 'webhook delivery failed to record'),
      )
      .finally(() => {
        perHost.set(host, (perHost.get(host) ?? 1) - 1);
        inFlight.delete(task);
        pump();
      });
    inFlight.add(task);
  };

  /** Claims as many due deliveries as there are free slots, once; true when there may be more. */
  const claimOnce = async (): Promise<boolean> => {
    const free = settings.concurrency - inFlight.size;
    if (free <= 0) return false;
    const at = now().getTime();
    const claimed = await repo.deliveries.claimDue({ at, leaseUntil: at + settings.leaseMs, limit: free });
    const busy: number[] = [];
    for (const delivery of claimed) {
      if ((perHost.get(hostOf(delivery)) ?? 0) >= settings.perHost) busy.push(delivery.id);
      else start(delivery);
    }
    await repo.deliveries.postpone(busy, at + hostBusyDelayMs);
    return claimed.length === free && busy.length < claimed.length;
  };

  function pump(): void {
    if (!running) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    const loop = async () => {
      do {
        again = false;
        again = (await claimOnce()) || again;
      } while (again && running);
    };
    loop()
      .catch((error: unknown) => logger.warn({ err: error }, 'claiming webhook deliveries failed; retrying'))
      .finally(() => {
        pumping = false;
      });
  }

  const timer = setInterval(pump, settings.pollMs);
  timer.unref();
  // a commit that queued no delivery (no callback for its events) has nothing to claim: no query for it
  const unsubscribe = repo.events.onRecorded(({ deliveries }) => {
    if (deliveries > 0) pump();
  });
  pump();
  return {
    wake: pump,
    async stop() {
      running = false;
      clearInterval(timer);
      unsubscribe();
      await Promise.allSettled([...inFlight]);
      sendOptions.agents.http.destroy();
      sendOptions.agents.https.destroy();
    },
  };
}
