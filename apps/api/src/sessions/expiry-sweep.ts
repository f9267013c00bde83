import type { Logger } from '../logger.js';
import type { SessionStore } from '../storage/repository.js';

/** A running expiry sweep. */
export type ExpirySweep = { stop(): void; sweepNow(): Promise<number> };

/** Every `intervalSeconds`, turns overdue unfinished sessions into `EXPIRED`; the timer never keeps the process up. */
export function startExpirySweep(options: {
  readonly sessions: SessionStore;
  readonly now: () => Date;
  readonly intervalSeconds: number;
  readonly logger: Logger;
}): ExpirySweep {
  let running: Promise<number> | null = null;
  const sweepNow = (): Promise<number> => {
    running ??= options.sessions
      .expireOverdue(options.now().getTime(), 'any')
      .then((expired) => {
        if (expired > 0) options.logger.info({ expired }, 'expired overdue sessions');
        return expired;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    sweepNow().catch((error: unknown) => options.logger.warn({ err: error }, 'expiry sweep failed'));
  }, options.intervalSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer), sweepNow };
}
