// Renders a benchmark report as the Markdown of docs/benchmarks.md.
const fixed = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok) => (ok ? 'met' : '**not met**');

function photosSection({ photos }) {
  const r = photos.results;
  const express = r['bare Express 5 route'];
  const rows = Object.entries(r).map(
    ([name, x]) =>
      `| ${name} | ${x.reqPerSec} | ${x.p50} | ${x.p99} | ${fixed(x.reqPerSec / express.reqPerSec)}× | ${fixed(x.p99 / Math.max(express.p99, 0.001))}× | ${x.errors + x.non2xx} |`,
  );
  const target = (name, ratio) => {
    const x = r[name];
    if (!x) return `- ${name}: not run`;
    const throughput = x.reqPerSec / express.reqPerSec;
    const p99 = x.p99 / Math.max(express.p99, 0.001);
    return `- ${name}: ${fixed(throughput)}× the bare Express route (target ≥ ${ratio}×: ${verdict(throughput >= ratio)}), p99 ${fixed(p99)}× (target ≤ 2×: ${verdict(p99 <= 2)})`;
  };
  return [
    `## GET /v1/sessions/:key/photos under load`,
    ``,
    `A session with 14 attempts (${photos.bodyBytes} bytes of JSON), signed requests, ${photos.connections} connections, ${photos.durationSeconds} s per run, best of ${photos.rounds} interleaved rounds. Baselines serve the same bytes.` +
      (photos.spreadSessions
        ? ` The "${photos.spreadSessions} sessions" rows spread the same load over ${photos.spreadSessions} sessions of 14 attempts each (every request reads the next one), so concurrent requests cannot share a lookup.`
        : ''),
    ``,
    `| server | req/s | p50 ms | p99 ms | req/s vs Express | p99 vs Express | errors |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows,
    ``,
    target('api (SQLite)', 1.0),
    target('api (PostgreSQL)', 0.7),
    ...(photos.spreadSessions
      ? [
          target(`api (SQLite), ${photos.spreadSessions} sessions`, 1.0),
          target(`api (PostgreSQL), ${photos.spreadSessions} sessions`, 0.7),
        ]
      : []),
    ``,
  ];
}

function qaSection({ qa }) {
  const row = (name, x) =>
    `| ${name} | ${fixed(x.imagesPerSecond, 1)} | ${fixed(x.medianImagesPerSecond, 1)} | ${fixed(x.msPerImage, 1)} | ${fixed(x.imagesPerSecond / qa.bareDecode.imagesPerSecond)}× |`;
  return [
    `## Image QA throughput (12 MP JPEGs, one core)`,
    ``,
    `${qa.images} photo-like ${qa.megapixels} MP JPEGs (mean ${Math.round(qa.meanBytes / 1000)} kB), sharp.concurrency(1), UV_THREADPOOL_SIZE=1, one image at a time, ${qa.qaChecks.rounds} interleaved rounds; the best round counts (ms/image is the best round's).`,
    ``,
    `| work | images/s | median of rounds | ms/image | vs bare decode |`,
    `| --- | ---: | ---: | ---: | ---: |`,
    row('bare sharp decode (baseline)', qa.bareDecode),
    row("QA checks (the server's `inspectUpload`, measures, verdict)", qa.qaChecks),
    row('full upload processing (`decodeImage`: + stored JPEG, thumbnail)', qa.fullUpload),
    ``,
    `- QA checks: ${fixed(qa.qaChecks.imagesPerSecond, 1)} images/s per core (target ≥ 20: ${verdict(qa.qaChecks.imagesPerSecond >= 20)}), median ${fixed(qa.qaChecks.medianImagesPerSecond, 1)}.`,
    ``,
  ];
}

function clientSection({ client }) {
  return [
    `## Client response validation`,
    ``,
    `${client.requests} sequential \`pave.sessions.photos(key)\` calls to a bare local node:http server answering the 14-photo sample.`,
    ``,
    `| measure | ms |`,
    `| --- | ---: |`,
    `| client round trip (sign, fetch, parse, validate) | ${fixed(client.roundTripMs, 3)} |`,
    `| bare fetch + JSON.parse (baseline) | ${fixed(client.rawFetchAndJsonMs, 3)} |`,
    `| schema validation alone | ${fixed(client.validationMs, 3)} |`,
    ``,
    `- Validation share of the round trip: ${fixed(client.validationShare * 100, 1)} % (target ≤ 10 %: ${verdict(client.validationShare <= 0.1)}).`,
    ``,
  ];
}

function scaleSection({ scale }) {
  return [
    `## Scale (PostgreSQL)`,
    ``,
    `GET …/photos on random sessions, 4 concurrent requests: ${scale.small.generated.sessions} sessions against ${scale.large.generated.sessions} sessions (${scale.large.generated.attempts} attempts, generated in ${fixed(scale.large.generated.seconds, 0)} s).`,
    ``,
    `| sessions | p50 ms | p99 ms | req/s |`,
    `| ---: | ---: | ---: | ---: |`,
    `| ${scale.small.generated.sessions} | ${scale.small.p50} | ${scale.small.p99} | ${scale.small.reqPerSec} |`,
    `| ${scale.large.generated.sessions} | ${scale.large.p50} | ${scale.large.p99} | ${scale.large.reqPerSec} |`,
    ``,
    `- p50 at ${scale.large.generated.sessions} sessions is ${fixed(scale.p50Ratio)}× the p50 at ${scale.small.generated.sessions} (target ≤ 1.2×: ${verdict(scale.p50Ratio <= 1.2)}).`,
    ``,
  ];
}

export function renderMarkdown(report) {
  const m = report.machine;
  const lines = [
    `# Benchmarks`,
    ``,
    `Latest run: ${report.date} on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}.`,
    `Reproduce with \`${report.command}\` (results also in \`bench-results/\`). Only ratios measured in one run mean anything on a shared machine.`,
    ``,
  ];
  if (report.photos) lines.push(...photosSection(report));
  if (report.qa) lines.push(...qaSection(report));
  if (report.client) lines.push(...clientSection(report));
  if (report.scale) lines.push(...scaleSection(report));
  return `${lines.join('\n')}\n`;
}
