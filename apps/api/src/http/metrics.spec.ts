import { createHttpMetrics } from './metrics.js';

describe('createHttpMetrics', () => {
  it('renders counters and cumulative histogram buckets per series', () => {
    const metrics = createHttpMetrics();
    metrics.observe({ method: 'GET', route: '/healthz', status: 200, seconds: 0.003 });
    metrics.observe({ method: 'GET', route: '/healthz', status: 200, seconds: 0.2 });
    const lines = metrics.render().split('\n');
    const series = 'method="GET",route="/healthz",status="200"';
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE http_requests_total counter',
        `http_requests_total{${series}} 2`,
        '# TYPE http_request_duration_seconds histogram',
        `http_request_duration_seconds_bucket{${series},le="0.005"} 1`,
        `http_request_duration_seconds_bucket{${series},le="0.1"} 1`,
        `http_request_duration_seconds_bucket{${series},le="0.25"} 2`,
        `http_request_duration_seconds_bucket{${series},le="+Inf"} 2`,
        `http_request_duration_seconds_sum{${series}} 0.203`,
        `http_request_duration_seconds_count{${series}} 2`,
      ]),
    );
  });

  it('escapes quotes, backslashes and newlines in label values', () => {
    const metrics = createHttpMetrics();
    metrics.observe({ method: 'GET', route: 'a"b\\c\nd', status: 404, seconds: 0 });
    expect(metrics.render()).toContain('route="a\\"b\\\\c\\nd"');
  });
});
