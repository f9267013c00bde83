// Runs a fixed-connection load against one URL with autocannon and reports req/s, p50 and p99 (ms). With
// `paths`, the requests go to those paths of the URL's server in turn (every connection takes the next one).
import autocannon from 'autocannon';

export async function runLoad({ url, paths, headers = {}, connections = 64, durationSeconds = 8, expectBody }) {
  let next = 0;
  const requests = paths?.length
    ? [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }]
    : undefined;
  const options = { url, headers, connections, duration: durationSeconds, pipelining: 1 };
  const result = await autocannon(requests ? { ...options, requests } : options);
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
