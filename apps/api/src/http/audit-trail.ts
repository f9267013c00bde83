import type { AuditAction } from '@pave/domain';
import type { Response } from 'express';
import type { AuditStore } from '../storage/people-repository.js';
import { accountOf } from './request-context.js';

/** Records in the audit log what the authenticated caller of `res` did. */
export type AuditTrail = (res: Response, action: AuditAction, target: string, detail?: string) => Promise<void>;

/** How the audit log names the caller of `res`: a person's email, or the API key that signed the request. */
export function actorNameOf(res: Response): string {
  return res.locals.user?.email ?? `API key ${accountOf(res).apiKey}`;
}

/** The audit trail over a store, stamped by `now`. */
export function createAuditTrail(audit: AuditStore, now: () => Date): AuditTrail {
  return async (res, action, target, detail = '') => {
    await audit.record({
      accountId: accountOf(res).id,
      at: now().getTime(),
      actor: actorNameOf(res),
      action,
      target,
      detail,
    });
  };
}
