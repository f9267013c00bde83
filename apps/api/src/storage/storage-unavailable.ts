// Which errors mean "storage cannot be reached right now" (a 503 the caller may retry), not a bug (a 500).

// node socket errors, PostgreSQL SQLSTATE classes 08 (connection) and 57P (operator intervention), too many
// connections, and SQLite's lock contention
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
// what pg says without a code when a connection dies or cannot be had in time
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;

function codeOf(error: object): unknown {
  return 'code' in error ? error.code : undefined;
}

/** True when `error` (or an error in its cause chain) says storage is unreachable or overloaded. */
export function isStorageUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = codeOf(current);
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (current instanceof Error && unavailableMessages.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some(isStorageUnavailable)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}
