import { createHttpMetrics } from './metrics.js';

describe('createHttpMetrics', () => {
  it('renders counters and cumulative histogram buckets per series', async () => {
    const metrics = createHttpMetrics();
    metrics.observe({ method: 'GET', route: '/healthz', status: 200, seconds: 0.003 });
    metrics.observe({ method: 'GET', route: '/healthz', status: 200, seconds: 0.2 });
    const lines = (await metrics.render()).split('\n');
    const series = 'method="GET",route="/healthz",status="200"';
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE http_requests_total counter',
        `http_requests_total{${series}} 2`,
        '# TYPE http_request_duration_seconds histogram',
        `http_request_duration_seconds_bucket{le="0.005",${series}} 1`,
        `http_request_duration_seconds_bucket{le="0.1",${series}} 1`,
        `http_request_duration_seconds_bucket{le="0.25",${series}} 2`,
        `http_request_duration_seconds_bucket{le="+Inf",${series}} 2`,
        `http_request_duration_seconds_sum{${series}} 0.203`,
        `http_request_duration_seconds_count{${series}} 2`,
      ]),
    );
  });

  it('escapes quotes, backslashes and newlines in label values', async () => {
    const metrics = createHttpMetrics();
    metrics.observe({ method: 'GET', route: 'a"b\\c\nd', status: 404, seconds: 0 });
    expect(await metrics.render()).toContain('route="a\\"b\\\\c\\nd"');
  });

  it('keeps each app’s series apart', async () => {
    const first = createHttpMetrics();
    const second = createHttpMetrics();
    first.observe({ method: 'GET', route: '/healthz', status: 200, seconds: 0.001 });
    expect(await first.render()).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(await second.render()).not.toContain('route="/healthz"');
  });

  it.each([
    'nodejs_eventloop_lag_seconds',
    'nodejs_heap_size_used_bytes',
    'nodejs_gc_duration_seconds',
    'nodejs_active_handles_total',
    'process_cpu_user_seconds_total',
  ])('adds the process metric %s', async (name) => {
    const lines = (await createHttpMetrics().render()).split('\n');
    expect(lines.some((line) => line.startsWith(`# TYPE ${name} `))).toBe(true);
  });

  it('answers in the Prometheus text format 0.0.4', () => {
    expect(createHttpMetrics().contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
