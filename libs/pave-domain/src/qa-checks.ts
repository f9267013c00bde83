// @pave/domain/qa-checks: an attempt's QA checks in plain words. An entry of its own, apart from the index, so that
// only the bundles that show QA checks (the review page's timeline) carry it; see README.md.
export { qaChecksOf } from './lib/qa-measures.js';
export type { QaCheck } from './lib/qa-measures.js';
