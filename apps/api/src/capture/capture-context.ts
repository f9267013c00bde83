import { isAcceptingStatus, type AttemptLimits, type Result, type SessionKey } from '@pave/domain';
import type { ImageStore } from '../images/image-store.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { QaSettings } from '../qa/qa-settings.js';
import { sessionNotFound, type SessionNotFound } from '../sessions/session-not-found.js';
import type { Repository, SessionRow } from '../storage/repository.js';
import { sessionClosed, type SessionClosed } from './capture-error.js';
import type { FairScheduler } from './fair-scheduler.js';
import { createQuotaPrecheck, type QuotaPrecheck } from './quota-precheck.js';
import { createSessionLifecycle, type SessionLifecycle } from './session-lifecycle.js';

/** What the capture service needs. */
export type CaptureDeps = {
  readonly repo: Repository;
  readonly images: ImageStore;
  readonly now: () => Date;
  readonly publicBaseUrl: string;
  /** Opens sealed capture tokens (see sessions/capture-token.ts). */
  readonly secretBox: SecretBox;
  readonly qaSettings: QaSettings;
  /**
   * Bounds how many uploads are decoded and judged at once (each holds a decoded image in memory), taking the waiting
   * ones fairly between accounts and sessions.
   */
  readonly qaSlots: FairScheduler;
  /** The attempt caps per step and per session (the domain's `attemptLimits` in production). */
  readonly attemptLimits: AttemptLimits;
  /** The most image bytes one account keeps (0: no quota). */
  readonly storageQuotaBytes: number;
};

/** What every capture use case works with: the service's dependencies, the session lifecycle and the quota check. */
export type CaptureContext = CaptureDeps & { readonly lifecycle: SessionLifecycle; readonly overQuota: QuotaPrecheck };

/** The context the capture use cases share. */
export function createCaptureContext(deps: CaptureDeps): CaptureContext {
  const overQuota = createQuotaPrecheck(deps.repo.accounts, deps.storageQuotaBytes, () => deps.now().getTime());
  return { ...deps, lifecycle: createSessionLifecycle(deps), overQuota };
}

/** The session, if it takes attempts (no side effect: a refused attempt leaves an `IDLE` session as it is). */
export async function findAccepting(
  context: CaptureContext,
  sessionKey: SessionKey,
): Promise<Result<SessionRow, SessionNotFound | SessionClosed>> {
  return acceptingOf(await context.lifecycle.find(sessionKey), sessionKey);
}

/** {@link findAccepting} from a row the request already read (the one its capture token opened). */
export async function acceptingFrom(
  context: CaptureContext,
  row: SessionRow,
): Promise<Result<SessionRow, SessionNotFound | SessionClosed>> {
  return acceptingOf(await context.lifecycle.current(row), row.sessionKey);
}

function acceptingOf(
  found: SessionRow | null,
  sessionKey: SessionKey,
): Result<SessionRow, SessionNotFound | SessionClosed> {
  if (!found) return sessionNotFound(sessionKey);
  return isAcceptingStatus(found.status) ? { ok: true, value: found } : sessionClosed(found.sessionKey, found.status);
}
