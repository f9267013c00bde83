/** One answered request, as metrics count it. */
export type RequestSample = {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
};

/** Request counts and a latency histogram by method, route template and status, in Prometheus text format. */
export type HttpMetrics = {
  observe(sample: RequestSample): void;
  render(): string;
};

/** Histogram bucket bounds, in seconds. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

type Series = { labels: string; count: number; sum: number; buckets: number[] };

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelsOf(sample: RequestSample): string {
  return `method="${escapeLabel(sample.method)}",route="${escapeLabel(sample.route)}",status="${sample.status}"`;
}

function renderSeries(series: readonly Series[]): string[] {
  const lines = [
    '# HELP http_requests_total HTTP requests answered, by method, route template and status.',
    '# TYPE http_requests_total counter',
    ...series.map((s) => `http_requests_total{${s.labels}} ${s.count}`),
    '# HELP http_request_duration_seconds Time to answer HTTP requests, by method, route template and status.',
    '# TYPE http_request_duration_seconds histogram',
  ];
  for (const s of series) {
    latencyBuckets.forEach((le, index) => {
      lines.push(`http_request_duration_seconds_bucket{${s.labels},le="${le}"} ${s.buckets[index] ?? 0}`);
    });
    lines.push(`http_request_duration_seconds_bucket{${s.labels},le="+Inf"} ${s.count}`);
    lines.push(`http_request_duration_seconds_sum{${s.labels}} ${s.sum}`);
    lines.push(`http_request_duration_seconds_count{${s.labels}} ${s.count}`);
  }
  return lines;
}

/** An empty set of HTTP metrics. */
export function createHttpMetrics(): HttpMetrics {
  const series = new Map<string, Series>();
  return {
    observe(sample) {
      const labels = labelsOf(sample);
      let entry = series.get(labels);
      if (!entry) {
        entry = { labels, count: 0, sum: 0, buckets: latencyBuckets.map(() => 0) };
        series.set(labels, entry);
      }
      entry.count += 1;
      entry.sum += sample.seconds;
      latencyBuckets.forEach((le, index) => {
        if (sample.seconds <= le && entry) entry.buckets[index] = (entry.buckets[index] ?? 0) + 1;
      });
    },
    render() {
      const sorted = [...series.values()].sort((a, b) => a.labels.localeCompare(b.labels));
      return `${renderSeries(sorted).join('\n')}\n`;
    },
  };
}
