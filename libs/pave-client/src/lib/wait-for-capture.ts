import { isTerminalStatus, type SessionProgress } from '@pave/domain';
import type { SessionsClient } from './create-sessions-client.js';
import type { RequestOptions } from './create-transport.js';
import { sleep } from './sleep.js';

/** Options of {@link waitForCapture}. */
export type WaitForCaptureOptions = RequestOptions & {
  /** The first pause between polls, and the pause after a change; default 2000 ms. */
  intervalMs?: number | undefined;
  /** The longest pause: unchanged polls double the pause up to this; default 15000 ms. */
  maxIntervalMs?: number | undefined;
  /** Called with the first progress and with each one that differs from the previous. */
  onProgress?: ((progress: SessionProgress) => void) | undefined;
};

/** The pause before the next poll: back to `intervalMs` after a change, else doubled up to `maxIntervalMs`. */
export function nextPollInterval(
  current: number,
  changed: boolean,
  limits: { intervalMs: number; maxIntervalMs: number },
): number {
  if (changed) return limits.intervalMs;
  return Math.min(Math.max(current * 2, limits.intervalMs), limits.maxIntervalMs);
}

/** Is there nothing more to wait for: capture complete, or the session `COMPLETE`, `EXPIRED` or `INVALID`? */
export function isCaptureSettled(progress: SessionProgress): boolean {
  return progress.complete || isTerminalStatus(progress.status);
}

/**
 * Polls `sessions.progress(key)` until the capture is complete or the session's status is terminal, backing
 * off while nothing changes, and returns the last progress. Rejects with the client's error if a poll fails
 * (after its own retries) and with the signal's reason when aborted, also between polls.
 */
export async function waitForCapture(
  pave: { sessions: Pick<SessionsClient, 'progress'> },
  key: string,
  options: WaitForCaptureOptions = {},
): Promise<SessionProgress> {
  const { signal, onProgress } = options;
  const limits = { intervalMs: options.intervalMs ?? 2000, maxIntervalMs: options.maxIntervalMs ?? 15_000 };
  let interval = limits.intervalMs;
  let previous: string | undefined;
  for (;;) {
    const progress = await pave.sessions.progress(key, { signal });
    const fingerprint = JSON.stringify(progress);
    const changed = fingerprint !== previous;
    if (changed) onProgress?.(progress);
    if (isCaptureSettled(progress)) return progress;
    interval = nextPollInterval(interval, changed, limits);
    previous = fingerprint;
    await sleep(interval, signal);
  }
}
