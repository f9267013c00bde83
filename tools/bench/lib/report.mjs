// Renders a benchmark report as the Markdown of docs/benchmarks.md.
const fixed = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (ok) => (ok ? 'met' : '**not met**');
/** The median of numbers sorted ascending. */
const median = (sorted) =>
  (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
/** The last commit before issue #16's work: the build whose upload CPU the issue measured ("today ~100 ms"). */
const issue16Build = '85d7dbe26968';

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

function imagesSection({ images }) {
  const up = images.upload;
  const get = images.get;
  const direct = get['object server directly (presigned URL)'];
  const streamed = get['API, bucket store (streamed through)'];
  const getRow = (name, x) =>
    `| ${name} | ${x.reqPerSec} | ${x.p50} | ${x.p99} | ${fixed(x.p50 / Math.max(direct.p50, 0.001))}× | ${x.non2xx} |`;
  return [
    `## Image storage: a folder against a bucket`,
    ``,
    `Two APIs on SQLite, one keeping images in a folder, one in a bucket of a local S3-compatible server (s3rver, in its own process). ${up.folder.uploads} uploads of a ${Math.round(images.jpegBytes / 1000)} kB 2 MP JPEG to each, one at a time and alternating, each to a new session; then GET of one stored ${Math.round(images.fullBytes / 1000)} kB image, 4 concurrent keep-alive clients, ${images.durationSeconds} s per run, best of ${images.rounds} interleaved rounds.`,
    ``,
    `| upload → verdict | p50 ms | p99 ms |`,
    `| --- | ---: | ---: |`,
    `| folder store | ${up.folder.p50} | ${up.folder.p99} |`,
    `| bucket store | ${up.bucket.p50} | ${up.bucket.p99} |`,
    ``,
    `| GET image | req/s | p50 ms | p99 ms | p50 vs object server | errors |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |`,
    ...Object.entries(get).map(([name, x]) => getRow(name, x)),
    ``,
    `- Upload → verdict on the bucket: p50 ${fixed(up.bucket.p50 / Math.max(up.folder.p50, 0.001))}× the folder's (${fixed(up.bucket.p50 - up.folder.p50, 1)} ms more per upload).`,
    `- GET through the API from the bucket: p50 ${fixed(streamed.p50 / Math.max(direct.p50, 0.001))}× straight from the object server: the client, the API and the object server share the machine's cores, and the API moves every byte a second time. \`PAVE_IMAGE_REDIRECT=presigned\` sends clients straight there with one 302.`,
    ``,
  ];
}

function uploadSection({ upload }) {
  const compared = upload.runs.some((x) => x.build);
  const buildCell = (x) => (compared ? `${x.build === 'compared' ? 'compared' : 'this'} | ` : '');
  const rows = upload.runs.map((x) => {
    const base = upload.baseline[x.size];
    const split = x.cpuSplitMs ? `${x.cpuSplitMs.js} / ${x.cpuSplitMs.vips} / ${x.cpuSplitMs.other}` : '–';
    return `| ${buildCell(x)}${x.storage} | ${x.size} | ${x.inFlight} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.uploadsPerSec} | ${fixed(x.uploadsPerSec / base.imagesPerSec)}× | ${x.cpuMsPerUpload} | ${fixed(x.cpuMsPerUpload / base.cpuMsPerImage)}× | ${split} | ${x.peakRssMiB} | ${x.refused} | ${x.errors} |`;
  });
  const ours = upload.runs.filter((x) => x.build !== 'compared');
  const find = (storage, size, inFlight, runs = ours) =>
    runs.find((x) => x.storage === storage && x.size === size && x.inFlight === inFlight);
  const storages = [...new Set(upload.runs.map((x) => x.storage))];
  const targets = storages.flatMap((storage) => {
    const at = (size, n) => find(storage, size, n) ?? { p95: NaN, cpuMsPerUpload: NaN };
    const small = ours.filter((x) => x.storage === storage && x.size === '2560 px');
    const best = Math.max(...small.map((x) => x.uploadsPerSec));
    const failed = small.reduce((sum, x) => sum + x.errors, 0);
    return [
      `- ${storage}, 2560 px: CPU ${at('2560 px', 8).cpuMsPerUpload} ms per upload at 8 in flight (target ≤ 40: ${verdict(at('2560 px', 8).cpuMsPerUpload <= 40)}); p95 ${at('2560 px', 8).p95} ms at 8 in flight (target ≤ 300: ${verdict(at('2560 px', 8).p95 <= 300)}), ${at('2560 px', 1).p95} ms at 1 (target ≤ 100: ${verdict(at('2560 px', 1).p95 <= 100)}); best ${best} uploads/s, ${failed} errors (target ≥ 40 with none: ${verdict(best >= 40 && failed === 0)}).`,
      `- ${storage}, 12 MP: CPU ${at('12 MP', 8).cpuMsPerUpload} ms per upload at 8 in flight (target ≤ 120: ${verdict(at('12 MP', 8).cpuMsPerUpload <= 120)}).`,
    ];
  });
  const others = upload.runs.filter((x) => x.build === 'compared');
  // issue #16 asks for less than half the CPU per upload of the build it measured: 40 of ~100 ms at 2560 px, 120 of
  // ~240 ms at 12 MP; measured against that build in the same run, the ratio does not move with the machine's speed
  const againstIssueBuild = upload.compareCommit?.startsWith(issue16Build) ?? false;
  const ratioTargets = storages.flatMap((storage) =>
    [
      ['2560 px', 0.4],
      ['12 MP', 0.5],
    ].flatMap(([size, most]) => {
      const level = upload.pairsAt ?? 8;
      const extra = (upload.pairRuns ?? []).filter((x) => x.storage === storage && x.size === size);
      const pairs = [
        [find(storage, size, level), find(storage, size, level, others)],
        ...[...new Set(extra.map((x) => x.pair))].map((pair) =>
          ['this', 'compared'].map((build) => extra.find((x) => x.pair === pair && x.build === build)),
        ),
      ].filter(([x, other]) => x && other);
      if (pairs.length === 0) return [];
      const ratios = pairs.map(([x, other]) => x.cpuMsPerUpload / other.cpuMsPerUpload).sort((p, q) => p - q);
      const throughputs = pairs.map(([x, other]) => x.uploadsPerSec / other.uploadsPerSec).sort((p, q) => p - q);
      const ratio = median(ratios);
      const target = againstIssueBuild ? ` (target ≤ ${most.toFixed(2)}×: ${verdict(ratio <= most)})` : '';
      return [
        `- ${storage}, ${size}, ${level} in flight: CPU per upload ${fixed(ratio)}× the compared build's, median of ${pairs.length} pairs (${ratios.map((r) => fixed(r)).join(', ')})${target}; ${fixed(median(throughputs))}× its uploads/s.`,
      ];
    }),
  );
  const comparison = [...new Set(ours.map((x) => x.size))].flatMap((size) => {
    const pairs = ours
      .filter((x) => x.size === size)
      .map((x) => [x, find(x.storage, size, x.inFlight, others)])
      .filter(([, other]) => other);
    if (pairs.length === 0) return [];
    const ratios = pairs.map(([x, other]) => x.cpuMsPerUpload / other.cpuMsPerUpload).sort((a, b) => a - b);
    const sum = (list, pick) => list.reduce((total, pair) => total + pick(pair), 0);
    const mean = (pick) => fixed(sum(pairs, pick) / pairs.length, 1);
    return [
      `- ${size}: server CPU per upload ${mean(([x]) => x.cpuMsPerUpload)} ms on this build against ${mean(([, o]) => o.cpuMsPerUpload)} ms on the compared one (mean of ${pairs.length} rows; row by row ${fixed(ratios[0])}× to ${fixed(ratios.at(-1))}×).`,
    ];
  });
  const baseRows = Object.entries(upload.baseline).map(
    ([size, b]) =>
      `| ${size} | ${Math.round(b.meanBytes / 1000)} | ${b.msPerImage} | ${b.cpuMsPerImage} | ${b.imagesPerSec} |`,
  );
  return [
    `## Upload → verdict under load`,
    ``,
    `\`POST /v1/capture/:key/photos/:code\` closed-loop: N workers each upload back to back into their own session (13 steps, then a new one), ${upload.durationSeconds} s per row, on ${upload.cores} cores shared by the client and the server (node flags of this checkout's server: ${flagsText(upload.nodeFlags)}). "2560 px" is what the capture app sends (a 2560×1920 canvas JPEG, no EXIF), "12 MP" a 4000×3000 phone JPEG with EXIF. Latency is from sending the request to the verdict (201). Server CPU is the server process's user + system time (every thread) over the row, divided by the uploads answered, and split by thread: JavaScript (the main thread) / libvips' workers / the rest (libuv's pool, where sharp sets each pipeline up and the files are written, and V8's helper threads: garbage collection, compilation); RSS is the highest seen during the row. 503s (admission) are counted apart from errors. The baseline is a bare \`sharp\` decode and resize to 2560 px of the same files, in the benchmark process: CPU one at a time, images/s with one per core in flight.`,
    ``,
    `| photos | kB | ms / image | CPU ms / image | images/s |`,
    `| --- | ---: | ---: | ---: | ---: |`,
    ...baseRows,
    ``,
    `| ${compared ? 'build | ' : ''}storage | photos | in flight | p50 ms | p95 ms | p99 ms | uploads/s | vs baseline | server CPU ms / upload | vs baseline | of which JS / libvips / other | RSS MiB | 503 | errors |`,
    `| ${compared ? '--- | ' : ''}--- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows,
    ``,
    ...(compared
      ? [
          `"this" is the API built from this checkout, "compared" the build at \`${upload.compareApi}\`${upload.compareCommit ? ` (commit ${upload.compareCommit.slice(0, 12)})` : ''}, measured row by row in turns (alternating which goes first). Each runs with the Node.js flags its own \`npm start\` passes: ${flagsText(upload.nodeFlags)} for this one, ${flagsText(upload.compareNodeFlags)} for the other.`,
          ``,
          ...comparison,
          ...ratioTargets,
          ...(againstIssueBuild
            ? []
            : [
                `- (Issue #16's targets as ratios apply against the build it measured: \`--compare-ref ${issue16Build}\`.)`,
              ]),
          ``,
        ]
      : []),
    ...targets,
    ``,
  ];
}

/** Node.js flags as the report shows them (an older report has none recorded). */
function flagsText(flags) {
  return flags?.length ? flags.map((flag) => `\`${flag}\``).join(' ') : 'none';
}

function webhooksSection({ webhooks: w }) {
  const latencyRatio = w.latency.p99 / Math.max(w.baselineLatency.p99, 0.001);
  const cpuRatio = w.deliveriesPerCpuSecond / w.baseline.postsPerCpuSecond;
  return [
    `## Webhook delivery`,
    ``,
    `One API instance (SQLite, default dispatcher settings: 4 requests at a time per receiver host), a receiver in its own process answering 204. Latency: ${w.latency.events} events one at a time, from sending the typed VIN that makes a \`SESSION:STAGE_CHANGE\` to the receiver having its delivery. Throughput: ${w.events} events from 8 concurrent writers; deliveries per CPU-second count the server's CPU beyond what the same ${w.events} events cost it without a callback (${w.serverCpuMs.withDeliveries} ms with deliveries, ${w.serverCpuMs.eventsAlone} ms without). Baseline: a bare \`fetch\` POST loop (4 at a time) of a delivery-sized body to the same receiver.`,
    ``,
    `| measure | API | bare fetch loop | ratio |`,
    `| --- | ---: | ---: | ---: |`,
    `| latency p50 ms | ${fixed(w.latency.p50)} | ${fixed(w.baselineLatency.p50)} | ${fixed(w.latency.p50 / Math.max(w.baselineLatency.p50, 0.001))}× |`,
    `| latency p99 ms | ${fixed(w.latency.p99)} | ${fixed(w.baselineLatency.p99)} | ${fixed(latencyRatio)}× |`,
    `| deliveries (POSTs) per second, events made meanwhile | ${w.deliveriesPerSecond} | ${w.baseline.postsPerSecond} | ${fixed(w.deliveriesPerSecond / w.baseline.postsPerSecond)}× |`,
    `| deliveries (POSTs) per CPU-second | ${w.deliveriesPerCpuSecond} | ${w.baseline.postsPerCpuSecond} | ${fixed(cpuRatio)}× |`,
    ``,
    `- The API's latency includes the request that makes the event (signing aside, a full capture request and its transaction); the baseline's is one POST.`,
    `- Each delivery is claimed, signed, sent and recorded in storage; the baseline only sends.`,
    `- Deliveries per second here are bounded by how fast the events are made: the same writers make ${w.eventsAlonePerSecond ?? 'n/a'} events/s with no callback at all (each typed VIN is a capture request and a transaction). The per-CPU-second row is the dispatcher's own cost.`,
    ``,
  ];
}

function liveSection({ live }) {
  const { api, baseline, polling: p } = live;
  const poll = (name, x) =>
    `| ${name} | ${x.reqPerSec} | ${x.p50} | ${x.p99} | ${fixed(x.cpuMsPerRequest, 3)} | ${x.non2xx} |`;
  return [
    `## Live streams and conditional polling`,
    ``,
    `${api.streams} event streams of one session held open on one API instance (SQLite), then ${api.events} events one after another (typed VINs); latency is from sending the request that makes the event to each stream reading it (p50/p99 over every stream and event). Memory is the server's RSS growth after opening the streams, divided by their number. Baseline: a bare node:http SSE broadcaster with the same number of streams and events of the same size.`,
    ``,
    `| server | streams | memory per stream KiB | fan-out p50 ms | fan-out p99 ms |`,
    `| --- | ---: | ---: | ---: | ---: |`,
    `| api | ${api.streams} | ${fixed(api.kibPerStream, 1)} | ${fixed(api.p50)} | ${fixed(api.p99)} |`,
    `| bare SSE broadcaster (baseline) | ${baseline.streams} | ${fixed(baseline.kibPerStream, 1)} | ${fixed(baseline.p50)} | ${fixed(baseline.p99)} |`,
    ``,
    `- Fan-out p99: ${fixed(api.p99 / Math.max(baseline.p99, 0.001))}× the baseline's; memory per stream ${fixed(api.kibPerStream / Math.max(baseline.kibPerStream, 0.001))}×.`,
    ``,
    `Polling \`GET /v1/sessions/:key/photos\` (14 attempts, ${p.bodyBytes} bytes), 16 connections, signed; the same session with and without \`If-None-Match\` naming its current ETag.`,
    ``,
    `| request | req/s | p50 ms | p99 ms | server CPU ms / request | non-2xx |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |`,
    poll('without If-None-Match (200, baseline)', p.without),
    poll('with If-None-Match (304)', p.conditional),
    ``,
    `- With If-None-Match: ${fixed(p.conditional.reqPerSec / p.without.reqPerSec)}× the requests per second, ${fixed(p.conditional.cpuMsPerRequest / p.without.cpuMsPerRequest)}× the server CPU per request (304s count as non-2xx in the latency tool).`,
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
  if (report.images) lines.push(...imagesSection(report));
  if (report.upload) lines.push(...uploadSection(report));
  if (report.webhooks) lines.push(...webhooksSection(report));
  if (report.live) lines.push(...liveSection(report));
  return `${lines.join('\n')}\n`;
}

/** The `## ` sections of a report, by heading, in order; the text before the first one under ''. */
function sectionsOf(markdown) {
  const sections = new Map();
  for (const part of markdown.split(/^(?=## )/m)) {
    const heading = part.startsWith('## ') ? part.slice(0, part.indexOf('\n')) : '';
    sections.set(heading, part.endsWith('\n') ? part : `${part}\n`);
  }
  return sections;
}

/**
 * docs/benchmarks.md after a run of some parts only (`--only`): the sections this run measured replace their
 * namesakes, each saying when and how it was measured; the sections of earlier runs stay as they were.
 */
export function mergeMarkdown(existing, report) {
  const fresh = sectionsOf(renderMarkdown(report));
  const merged = sectionsOf(existing);
  const m = report.machine;
  const provenance = `Measured ${report.date} with \`${report.command}\` on ${m.cores} × ${m.cpu}, Node ${m.node}.\n\n`;
  for (const [heading, text] of fresh) {
    if (heading === '') continue;
    const [title, ...rest] = text.split('\n\n');
    merged.set(heading, [title, provenance.trimEnd(), ...rest].join('\n\n'));
  }
  return [...merged.values()].join('');
}
