import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeliveryStore } from '../storage/repository.js';

/** How a try ended, as metrics count it. */
export type TryOutcome = 'delivered' | 'retry' | 'failed';

/** The dispatcher's metrics: tries by event and outcome, latencies, and the backlog read from storage. */
export type WebhookMetrics = {
  readonly registry: Registry;
  observeTry(event: string, outcome: TryOutcome, requestSeconds: number): void;
  /** From the event's recording to its delivery (a 2xx). */
  observeDelivered(event: string, lagSeconds: number): void;
};

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600];

/** Webhook metrics in a registry of their own (rendered by `GET /metrics` with the HTTP metrics). */
export function createWebhookMetrics(deliveries: DeliveryStore, now: () => Date): WebhookMetrics {
  const registry = new Registry();
  const tries = new Counter({
    name: 'webhook_delivery_attempts_total',
    help: 'Webhook delivery tries, by event and outcome (delivered, retry, failed).',
    labelNames: ['event', 'outcome'] as const,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'webhook_request_duration_seconds',
    help: "Time for a receiver to answer a delivery's request, by event.",
    labelNames: ['event'] as const,
    buckets,
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'webhook_delivery_lag_seconds',
    help: 'Time from an event being recorded to its delivery being acknowledged, by event.',
    labelNames: ['event'] as const,
    buckets,
    registers: [registry],
  });
  // read from storage when scraped: the backlog is shared by every instance on one database
  new Gauge({
    name: 'webhook_backlog',
    help: 'Deliveries pending (due or waiting for a retry).',
    registers: [registry],
    async collect() {
      this.set((await deliveries.backlog()).pending);
    },
  });
  new Gauge({
    name: 'webhook_oldest_pending_age_seconds',
    help: 'Age of the oldest pending delivery (0 when none is pending).',
    registers: [registry],
    async collect() {
      const { oldestCreatedAt } = await deliveries.backlog();
      this.set(oldestCreatedAt === null ? 0 : Math.max(0, (now().getTime() - oldestCreatedAt) / 1000));
    },
  });
  return {
    registry,
    observeTry(event, outcome, seconds) {
      tries.inc({ event, outcome });
      requestSeconds.observe({ event }, seconds);
    },
    observeDelivered(event, seconds) {
      lag.observe({ event }, seconds);
    },
  };
}
