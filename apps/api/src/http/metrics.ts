import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One answered request, as metrics count it. */
export type RequestSample = {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
};

/**
 * Request counts and a latency histogram by method, route template and status, plus the process's own metrics
 * (event-loop lag, heap, GC, handles), in Prometheus text format.
 */
export type HttpMetrics = {
  observe(sample: RequestSample): void;
  /** Every series, HTTP first, then the process's. */
  render(): Promise<string>;
  /** The `Content-Type` of what `render` returns. */
  readonly contentType: string;
};

/** Histogram bucket bounds, in seconds. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

const labelNames = ['method', 'route', 'status'] as const;

// The default metrics describe the process, not one app, and each collection starts an event-loop delay monitor
// and a GC observer that cannot be stopped again; tests build many apps in one process, so one registry of them is
// made per process, on first use, and every app renders it after its own series.
let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * An app's own set of HTTP metrics (a registry of its own), rendered together with `others` (the webhook
 * dispatcher's) and the process's metrics.
 */
export function createHttpMetrics(others: readonly Registry[] = []): HttpMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route template and status.',
    labelNames,
    buckets: [...latencyBuckets],
    registers: [registry],
  });
  const ofProcess = processMetrics();
  return {
    observe({ method, route, status, seconds }) {
      const labels = { method, route, status };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    async render() {
      const rendered = await Promise.all([registry, ...others, ofProcess].map((each) => each.metrics()));
      return rendered.join('\n');
    },
    contentType: registry.contentType,
  };
}
