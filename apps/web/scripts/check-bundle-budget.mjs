// Fails when a review page's JavaScript is over budget. Each review route is checked on its own: what a
// reviewer's browser loads to show it is the entry chunk (the app shell: React, providers, router, layout,
// sign-in, the signed-in person's client from @pave/client/people) plus the route's lazily loaded chunk, each with
// every chunk it imports statically (the `shared` chunk of vite.config.mts: zod, the domain schemas, app helpers).
// Each chunk is listed with its size, so a regression shows which chunk grew.
// That union, gzip-compressed, must stay within the limit for the home route (sessions list, new session) and
// for the session review route alike. Chunks a route loads only on interaction (its own dynamic imports: the
// QR code, the lightbox, the raw JSON panel, the export) are listed per route but not counted, and so are the
// chunks no review route loads (the capture app).
// The capture route (the driver's phone) has its own budget, `--capture-limit-kb` (default 120): the same shell
// plus the capture app's chunk (camera, pre-checks, three language catalogues, upload queue), counted the same way.
// Usage: node apps/web/scripts/check-bundle-budget.mjs [--limit-kb 100] [--capture-limit-kb 120]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The review routes and their lazily loaded modules (keys of the Vite manifest). */
const reviewRoutes = [
  { name: 'home', path: '/', module: 'src/app/routes/home-route.tsx' },
  { name: 'session', path: '/sessions/:key', module: 'src/app/routes/session-route.tsx' },
];

/** The capture route: held to its own budget, never loaded by reviewers. */
const captureRoute = { name: 'capture', path: '/capture/:key', module: 'src/app/routes/capture-route.tsx' };

const dist = new URL('../dist/', import.meta.url);
const limitFlag = process.argv.indexOf('--limit-kb');
const limitKb = limitFlag === -1 ? 100 : Number(process.argv[limitFlag + 1]);
if (!Number.isFinite(limitKb) || limitKb <= 0) throw new Error('--limit-kb needs a positive number');
const limit = limitKb * 1000;
const captureFlag = process.argv.indexOf('--capture-limit-kb');
const captureLimitKb = captureFlag === -1 ? 120 : Number(process.argv[captureFlag + 1]);
if (!Number.isFinite(captureLimitKb) || captureLimitKb <= 0)
  throw new Error('--capture-limit-kb needs a positive number');

function readManifest() {
  try {
    return JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
  } catch (error) {
    throw new Error('No apps/web/dist/.vite/manifest.json: run `npx nx run web:build` first.', { cause: error });
  }
}

/** The manifest keys reachable from `starts` through static imports (and dynamic ones when asked), minus `skip`. */
function closure(manifest, starts, { dynamic = false, skip = new Set() } = {}) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || skip.has(key)) return;
    seen.add(key);
    const chunk = manifest[key] ?? {};
    for (const imported of chunk.imports ?? []) visit(imported);
    if (dynamic) for (const imported of chunk.dynamicImports ?? []) visit(imported);
  };
  starts.forEach(visit);
  return seen;
}

function sizeOf(file) {
  const bytes = readFileSync(new URL(file, dist));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const row = ({ file, raw, gzip }) => `    ${file.padEnd(48)} ${kb(raw).padStart(12)} ${kb(gzip).padStart(12)} gzip`;
const jsFiles = (manifest, keys) => [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));

function printChunks(manifest, keys) {
  const chunks = jsFiles(manifest, keys).map(sizeOf);
  if (chunks.length === 0) console.log('    (none)');
  chunks.forEach((chunk) => console.log(row(chunk)));
}

function findRouteModules(manifest, entryKey) {
  const lazyRoutes = new Set(manifest[entryKey].dynamicImports ?? []);
  for (const route of reviewRoutes) {
    if (!lazyRoutes.has(route.module)) {
      throw new Error(`${route.module} is not a lazily loaded route of the entry: update reviewRoutes in this script.`);
    }
  }
  return lazyRoutes;
}

/** Checks one route; returns the chunks it loads (counted or on interaction) and whether it is within budget. */
function checkRoute(manifest, entryKey, lazyRoutes, route, routeLimit = limit) {
  const counted = closure(manifest, [entryKey, route.module]);
  const starts = [...counted].flatMap((key) => manifest[key].dynamicImports ?? []);
  const interaction = closure(manifest, starts, { dynamic: true, skip: new Set([...lazyRoutes, ...counted]) });
  const chunks = jsFiles(manifest, counted).map(sizeOf);
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  console.log(`Route ${route.name} (${route.path}): entry ${entryKey} + ${route.module}, with their static imports`);
  chunks.forEach((chunk) => console.log(row(chunk)));
  console.log(`  total ${kb(total)} gzip, budget ${kb(routeLimit)}`);
  if (total > routeLimit) console.log(`  Over budget by ${kb(total - routeLimit)}.`);
  else console.log(`  Within budget (${kb(routeLimit - total)} to spare).`);
  console.log('  Loaded only on interaction, not counted:');
  printChunks(manifest, interaction);
  return { loaded: new Set([...counted, ...interaction]), ok: total <= routeLimit };
}

const manifest = readManifest();
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('The Vite manifest has no entry chunk.');
const lazyRoutes = findRouteModules(manifest, entryKey);
const results = reviewRoutes.map((route) => checkRoute(manifest, entryKey, lazyRoutes, route));
const loaded = new Set(results.flatMap((result) => [...result.loaded]));
console.log('Not loaded by the review routes (the capture app), not counted:');
printChunks(
  manifest,
  Object.keys(manifest).filter((key) => !loaded.has(key)),
);

const over = reviewRoutes.filter((_, index) => !results[index].ok).map((route) => route.name);
if (over.length > 0) {
  console.error(`Over budget: ${over.join(', ')} (each review route may load at most ${kb(limit)} of gzipped JS).`);
  process.exitCode = 1;
}

if (!lazyRoutes.has(captureRoute.module)) {
  throw new Error(
    `${captureRoute.module} is not a lazily loaded route of the entry: update captureRoute in this script.`,
  );
}
const capture = checkRoute(manifest, entryKey, lazyRoutes, captureRoute, captureLimitKb * 1000);
if (!capture.ok) {
  console.error(
    `Over budget: capture (the capture route may load at most ${kb(captureLimitKb * 1000)} of gzipped JS).`,
  );
  process.exitCode = 1;
}
