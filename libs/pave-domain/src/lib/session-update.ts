import type { Result } from './result.js';
import type { SessionSettings } from './session-object.js';
import type { SmsInput, UpdateSessionRequest, VehicleInput } from './session-request.js';
import { isTerminalStatus, type SessionStatus } from './session.js';

/** When a field of a session may change (contract section 3). */
export type UpdateRule =
  /** only while `IDLE`: before the driver's first action on the capture link */
  | 'while_idle'
  /** only before the capture started (`IDLE`) */
  | 'before_capture'
  /** until the session is `COMPLETE` (or otherwise closed: `EXPIRED`, `INVALID`) */
  | 'until_closed'
  /** in any status but `INVALID`: the integrator's own bookkeeping, which does not change the capture */
  | 'unless_invalid';

/** A field an update may set, named as in the body (`session.theme`, `vehicle.vin`, `sms.to`). */
export type UpdateField =
  | `session.${keyof NonNullable<UpdateSessionRequest['session']>}`
  | `vehicle.${keyof VehicleInput}`
  | `sms.${keyof SmsInput}`;

/** When each field may change: PAVE's rules for theme, redirect_url, language and sms.to; our decisions for the rest. */
export const updateRules = {
  'session.theme': 'while_idle',
  'session.redirect_url': 'until_closed',
  'session.language': 'until_closed',
  'session.client_id': 'unless_invalid',
  'session.contact': 'unless_invalid',
  'session.reference': 'unless_invalid',
  'vehicle.vin': 'until_closed',
  'vehicle.year': 'until_closed',
  'vehicle.make': 'until_closed',
  'vehicle.model': 'until_closed',
  'vehicle.body_type': 'until_closed',
  'vehicle.trim': 'until_closed',
  'vehicle.transmission': 'until_closed',
  'vehicle.ext_col': 'until_closed',
  'vehicle.int_col': 'until_closed',
  'vehicle.odom_reading': 'until_closed',
  'vehicle.odom_unit': 'until_closed',
  'sms.to': 'before_capture',
  'sms.to_name': 'until_closed',
  'sms.from': 'until_closed',
  'sms.by': 'until_closed',
} as const satisfies Record<UpdateField, UpdateRule>;

/** Does `rule` let a field change while the session is in `status`? */
export function isUpdateAllowed(rule: UpdateRule, status: SessionStatus): boolean {
  switch (rule) {
    case 'while_idle':
    case 'before_capture':
      return status === 'IDLE';
    case 'until_closed':
      return !isTerminalStatus(status);
    case 'unless_invalid':
      return status !== 'INVALID';
  }
}

/** Why a field may not change now, in words: "may change only while IDLE". */
export function updateRuleText(rule: UpdateRule): string {
  switch (rule) {
    case 'while_idle':
      return 'may change only while IDLE';
    case 'before_capture':
      return 'may change only before the capture started';
    case 'until_closed':
      return 'may change only until the session is COMPLETE, EXPIRED or INVALID';
    case 'unless_invalid':
      return 'may not change once the session is INVALID';
  }
}

/** The reason `field` cannot change in `status`, or null when it can (what a form shows beside a disabled field). */
export function updateRefusalOf(field: UpdateField, status: SessionStatus): string | null {
  const rule = updateRules[field];
  return isUpdateAllowed(rule, status) ? null : `${field} ${updateRuleText(rule)}; the session is ${status}.`;
}

/**
 * A refused update: the first field (in body order) whose change the rules forbid in the session's status; or
 * `sms` fields given for a session that has no number to text, without one (`sms.to`).
 */
export type SessionUpdateError =
  | {
      readonly code: 'update_refused';
      readonly field: UpdateField;
      readonly rule: UpdateRule;
      readonly status: SessionStatus;
    }
  | { readonly code: 'sms_to_missing' };

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
}

type Change = { readonly field: UpdateField; readonly from: unknown; readonly to: unknown };

function changesOf(prefix: string, current: object | null, given: object | undefined): Change[] {
  if (given === undefined) return [];
  return Object.entries(given)
    .filter(([, to]) => to !== undefined)
    .map(([key, to]) => ({
      field: `${prefix}.${key}` as UpdateField,
      from: current === null ? undefined : (current as Record<string, unknown>)[key],
      to,
    }));
}

/**
 * Checks an update against the rules of contract section 3 and returns the settings it leads to. A field given
 * with the value it already has is no change and always allowed; any other change must be allowed by its rule in
 * the session's status, or the whole update is refused, naming the first such field (nothing of it applies).
 */
export function checkSessionUpdate(
  status: SessionStatus,
  current: SessionSettings,
  request: UpdateSessionRequest,
): Result<SessionSettings, SessionUpdateError> {
  const changes = [
    ...changesOf('session', current, request.session),
    ...changesOf('vehicle', current.vehicle, request.vehicle),
    ...changesOf('sms', current.sms, request.sms),
  ].filter((change) => canonical(change.from) !== canonical(change.to));
  for (const { field } of changes) {
    const rule = updateRules[field];
    if (!isUpdateAllowed(rule, status)) return { ok: false, error: { code: 'update_refused', field, rule, status } };
  }
  if (request.sms !== undefined && request.sms.to === undefined && current.sms === null) {
    return { ok: false, error: { code: 'sms_to_missing' } };
  }
  return { ok: true, value: applyUpdate(current, request) };
}

function mergedSms(current: SmsInput | null, given: UpdateSessionRequest['sms']): SmsInput | null {
  if (given === undefined) return current;
  const to = given.to ?? current?.to;
  if (to === undefined) throw new Error('invariant: checkSessionUpdate refuses sms without a number to text');
  return { ...current, ...given, to };
}

function applyUpdate(current: SessionSettings, request: UpdateSessionRequest): SessionSettings {
  const session = request.session ?? {};
  return {
    theme: session.theme ?? current.theme,
    language: session.language ?? current.language,
    redirect_url: session.redirect_url ?? current.redirect_url,
    client_id: session.client_id ?? current.client_id,
    contact: session.contact ?? current.contact,
    reference: session.reference ?? current.reference,
    vehicle: { ...current.vehicle, ...request.vehicle },
    sms: mergedSms(current.sms, request.sms),
  };
}

/** The 400 message of a refused update, naming the field and why (contract section 3). */
export function sessionUpdateRefusedMessage(error: SessionUpdateError): string {
  switch (error.code) {
    case 'update_refused':
      return `Cannot update the session: ${updateRefusalOf(error.field, error.status) ?? error.field}`;
    case 'sms_to_missing':
      return 'Cannot update the session: sms.to is required, the session has no number to text yet.';
  }
}
