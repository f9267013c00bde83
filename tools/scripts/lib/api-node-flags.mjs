// The Node.js flags the API server runs with: `npm start` and `npm run cluster` pass them, the benchmarks start
// every server of this checkout with them, and docs/deploy.md shows them on the command line.
//
// `--single-threaded-gc`: V8 collects garbage on the JavaScript thread alone, without its parallel and concurrent
// helper threads. Under upload load those helpers compete for the cores with libvips' workers and the file writes:
// measured on 2 cores (A/B of the same build, 2560-px uploads), 0.92× the CPU per upload at 8 in flight on SQLite
// and PostgreSQL, 0.90× for 12 MP photos, and 0.82× with a lower p95 at 1 in flight (docs/benchmarks.md).
export const apiNodeFlags = ['--single-threaded-gc'];
