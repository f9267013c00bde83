// Fails when the review page's JavaScript is over budget: the entry chunk plus every chunk it imports
// statically, gzip-compressed. Lazily loaded chunks (the capture route, qrcode) are listed but not counted.
// Usage: node apps/web/scripts/check-bundle-budget.mjs [--limit-kb 100]   (after `nx run web:build`)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const limitFlag = process.argv.indexOf('--limit-kb');
const limitKb = limitFlag === -1 ? 100 : Number(process.argv[limitFlag + 1]);
if (!Number.isFinite(limitKb) || limitKb <= 0) throw new Error('--limit-kb needs a positive number');

function readManifest() {
  try {
    return JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
  } catch (error) {
    throw new Error('No apps/web/dist/.vite/manifest.json: run `npx nx run web:build` first.', { cause: error });
  }
}

/** The manifest keys of the entry and of every chunk reachable from it through static imports. */
function staticClosure(manifest, entryKey) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return seen;
}

function sizeOf(file) {
  const bytes = readFileSync(new URL(file, dist));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const row = ({ file, raw, gzip }) => `  ${file.padEnd(48)} ${kb(raw).padStart(12)} ${kb(gzip).padStart(12)} gzip`;

const manifest = readManifest();
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('The Vite manifest has no entry chunk.');
const counted = staticClosure(manifest, entryKey);
const jsFiles = (keys) => [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const review = jsFiles(counted).map(sizeOf);
const lazy = jsFiles(Object.keys(manifest).filter((key) => !counted.has(key))).map(sizeOf);
const total = review.reduce((sum, chunk) => sum + chunk.gzip, 0);
const limit = limitKb * 1000;

console.log(`Review page JavaScript (entry ${entryKey} and its static imports):`);
review.forEach((chunk) => console.log(row(chunk)));
console.log(`  total ${kb(total)} gzip, budget ${kb(limit)}`);
console.log('Lazily loaded, not counted:');
lazy.forEach((chunk) => console.log(row(chunk)));

if (total > limit) {
  console.error(`Over budget by ${kb(total - limit)}: the review page loads ${kb(total)} of gzipped JavaScript.`);
  process.exitCode = 1;
} else {
  console.log(`Within budget (${kb(limit - total)} to spare).`);
}
