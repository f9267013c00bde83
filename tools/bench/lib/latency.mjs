// Closed-loop latency measurement with microsecond precision: `concurrency` workers send requests back to back
// for `durationSeconds`, each on a keep-alive connection; returns p50/p99 in ms and req/s.
import http from 'node:http';

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function get(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', reject);
  });
}

export async function measureLatency({ baseUrl, path, headers = {}, concurrency = 4, durationSeconds = 5 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const samples = [];
  let non2xx = 0;
  const deadline = Date.now() + durationSeconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const { status, ms } = await get(agent, `${baseUrl}${path()}`, headers);
      if (status < 200 || status > 299) non2xx += 1;
      samples.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  samples.sort((a, b) => a - b);
  const round = (v) => Math.round(v * 1000) / 1000;
  return {
    requests: samples.length,
    reqPerSec: Math.round(samples.length / durationSeconds),
    p50: round(percentile(samples, 50)),
    p99: round(percentile(samples, 99)),
    non2xx,
  };
}
