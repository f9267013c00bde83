import { eraseSession, type EraseDeps } from './erase-session.js';

const day = 86_400_000;
/** Sessions erased per batch: each is its own transaction, so other writers wait for one at most. */
const batchSize = 100;

/** A running retention sweep. */
export type RetentionSweep = { stop(): void; sweepNow(): Promise<number> };

/** What {@link startRetentionSweep} needs. */
export type RetentionSweepOptions = EraseDeps & {
  /** Sessions finished (COMPLETE, EXPIRED, INVALID) longer ago than this are erased. */
  readonly retentionDays: number;
  readonly intervalSeconds: number;
};

/**
 * Erases, in batches until none is left, every session finished more than `retentionDays` ago (by its last change:
 * completion, expiry or invalidation); returns how many this call erased. Safe with several instances: each
 * erasure takes the session's lock, and a session another instance erased first is skipped.
 */
export async function eraseExpiredRetention(options: RetentionSweepOptions): Promise<number> {
  let erased = 0;
  for (;;) {
    const before = options.now().getTime() - options.retentionDays * day;
    const due = await options.repo.erasures.listDue(before, batchSize);
    for (const sessionId of due) if (await eraseSession(options, sessionId, 'retention')) erased += 1;
    if (due.length < batchSize) return erased;
  }
}

/** Every `intervalSeconds`, erases sessions past retention; the timer never keeps the process up. */
export function startRetentionSweep(options: RetentionSweepOptions): RetentionSweep {
  let running: Promise<number> | null = null;
  const sweepNow = (): Promise<number> => {
    running ??= eraseExpiredRetention(options)
      .then((erased) => {
        if (erased > 0) options.logger.info({ erased }, 'erased sessions past retention');
        return erased;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    sweepNow().catch((error: unknown) => options.logger.warn({ err: error }, 'retention sweep failed'));
  }, options.intervalSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), sweepNow };
}
