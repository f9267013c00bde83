// Runs a fixed-connection load against one URL with autocannon and reports req/s, p50 and p99 (ms).
import autocannon from 'autocannon';

export async function runLoad({ url, headers = {}, connections = 64, durationSeconds = 8, expectBody }) {
  const result = await autocannon({ url, headers, connections, duration: durationSeconds, pipelining: 1 });
  if (expectBody) {
    const check = await fetch(url, { headers });
    const text = await check.text();
    if (!expectBody(check.status, text)) throw new Error(`${url} answered ${check.status}: ${text.slice(0, 200)}`);
  }
  return {
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
