import type { CaptureState, Result, SessionKey } from '@pave/domain';
import { sessionNotFound, type SessionNotFound } from '../sessions/session-not-found.js';
import type { CaptureContext } from './capture-context.js';
import { sessionClosed, type ConfirmRefused, type SessionClosed } from './capture-error.js';
import { captureStateOf } from './capture-state.js';

/** The session as the capture app sees it: read its state, start it, confirm it. Each answers the state. */
export function createSessionStateUseCases(context: CaptureContext) {
  const { lifecycle } = context;

  /** `GET /v1/capture/:session_key`: the session's state, its status first moved where its attempts call for. */
  const get = async (sessionKey: SessionKey): Promise<Result<CaptureState, SessionNotFound>> => {
    const settled = await lifecycle.settle(sessionKey);
    if (!settled) return sessionNotFound(sessionKey);
    const account = await context.repo.accounts.findById(settled.session.accountId);
    const source = { ...settled, integrator: account?.username ?? null };
    return { ok: true, value: captureStateOf(source, context.publicBaseUrl) };
  };

  /**
   * The driver's explicit start (the first action, like a first attempt): an `IDLE` session starts and can no longer
   * be deleted; a closed one refuses. Reading the state ({@link get}) never starts it.
   */
  const start = async (sessionKey: SessionKey): Promise<Result<CaptureState, SessionNotFound | SessionClosed>> => {
    const session = await lifecycle.find(sessionKey);
    const started = session && (await lifecycle.apply(session, 'open'));
    if (!session || !started) return sessionNotFound(sessionKey);
    return started.ok ? get(sessionKey) : sessionClosed(sessionKey, session.status);
  };

  /** The driver confirms a complete capture (`QC_PASSED` → `CONFIRM`); refused while capturing, or once closed. */
  const confirm = async (sessionKey: SessionKey): Promise<Result<CaptureState, SessionNotFound | ConfirmRefused>> => {
    const confirmed = await lifecycle.confirm(sessionKey);
    if (!confirmed) return sessionNotFound(sessionKey);
    if (confirmed.ok) return get(sessionKey);
    return { ok: false, error: { code: 'confirm_refused', sessionKey, status: confirmed.error.from } };
  };

  return { get, start, confirm };
}
