import * as z from 'zod/mini';
import { AbsoluteUrl } from './session-photo.js';
import { OdometerUnit, SessionContact, type SessionReference } from './session-fields.js';
import type { CreateSessionRequest, SmsInput, VehicleInput } from './session-request.js';
import {
  defaultSessionLanguage,
  defaultSessionTheme,
  isSessionActive,
  SessionKey,
  SessionLanguage,
  SessionStatus,
  SessionTheme,
} from './session.js';
import { formatWireTimestamp, WireTimestamp } from './timestamps.js';

/**
 * A session's `vehicle` on the wire: every field always present, null when neither the integrator gave it nor the
 * capture learned it. A VIN or odometer reading typed during capture replaces the one given (it was read off the car).
 */
export const SessionVehicle = z.object({
  vin: z.nullable(z.string()),
  year: z.nullable(z.int()),
  make: z.nullable(z.string()),
  model: z.nullable(z.string()),
  body_type: z.nullable(z.string()),
  trim: z.nullable(z.string()),
  transmission: z.nullable(z.string()),
  ext_col: z.nullable(z.string()),
  int_col: z.nullable(z.string()),
  odom_reading: z.nullable(z.int()),
  odom_unit: z.nullable(OdometerUnit),
});
export type SessionVehicle = z.infer<typeof SessionVehicle>;

/** `options.sms` on the wire: the `sms` given, and whether a text was sent (false while no provider is configured). */
export const SessionSms = z.object({
  to: z.string(),
  to_name: z.nullable(z.string()),
  from: z.nullable(z.string()),
  by: z.nullable(z.string()),
  sent: z.boolean(),
});
export type SessionSms = z.infer<typeof SessionSms>;

/** The fields of a session object, in wire order: PAVE's first, then ours. */
export const sessionShape = {
  session_key: SessionKey,
  theme: SessionTheme,
  /** False once the session is `EXPIRED` or `INVALID` (see `isSessionActive`). */
  active: z.boolean(),
  status: SessionStatus,
  /** Where the capture app sends the driver when done; null when none was given. */
  redirect_url: z.nullable(AbsoluteUrl),
  /** When the capture started (the driver's explicit start or first attempt; opening the link is not one); null before. */
  inspect_started_at: z.nullable(WireTimestamp),
  /** When the driver's confirmation completed the session; null before. */
  inspect_ended_at: z.nullable(WireTimestamp),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
  language: SessionLanguage,
  /** The link the driver opens on a phone: `<PUBLIC_BASE_URL>/capture/<session_key>#<token>` (see `buildCaptureUrl`). */
  capture_url: AbsoluteUrl,
  options: z.object({
    /** The integrator's own id; null when none was given. */
    client_id: z.nullable(z.string()),
    /** Whom to text the link; null when no `sms` was given. */
    sms: z.nullable(SessionSms),
  }),
  vehicle: SessionVehicle,
  /** Ours: when an unfinished session becomes `EXPIRED`. */
  expires_at: WireTimestamp,
  /** Ours: the driver's names; null when none were given. */
  contact: z.nullable(z.object(SessionContact.shape)),
  /** Ours: the integrator's references; null when none were given. */
  reference: z.nullable(z.record(z.string(), z.string())),
  /** Ours: why the session was invalidated; null unless it is `INVALID`. */
  invalid_reason: z.nullable(z.string()),
};

type SessionFields = z.infer<z.ZodMiniObject<typeof sessionShape>>;

/** The cross-field rules of a session object: `active` follows the status; only an `INVALID` one has a reason. */
export function refineSession(session: SessionFields, ctx: z.core.$RefinementCtx<SessionFields>): void {
  if (session.active !== isSessionActive(session.status)) {
    ctx.addIssue({
      code: 'custom',
      path: ['active'],
      message: `active must be ${!session.active} when ${session.status}`,
    });
  }
  if ((session.invalid_reason !== null) !== (session.status === 'INVALID')) {
    ctx.addIssue({ code: 'custom', path: ['invalid_reason'], message: 'invalid_reason is set exactly when INVALID' });
  }
}

/** A session as the API answers it (create, get, list, update, invalidate). */
export const Session = z.object(sessionShape).check(z.superRefine(refineSession));
export type Session = z.infer<typeof Session>;

/** Query of `GET /v1/sessions` (our extension): status filter, page size, opaque cursor. */
export const ListSessionsQuery = z.strictObject({
  status: z.optional(SessionStatus),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/))),
});
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

/** 200 body of `GET /v1/sessions`: newest first; `next_cursor` is null on the last page. */
export const SessionList = z.object({ sessions: z.array(Session), next_cursor: z.nullable(z.string()) });
export type SessionList = z.infer<typeof SessionList>;

/** What the integrator set on a session (at creation, changed by updates), as the server keeps it. */
export type SessionSettings = {
  readonly theme: SessionTheme;
  readonly language: SessionLanguage;
  readonly redirect_url: string | null;
  readonly client_id: string | null;
  readonly contact: SessionContact | null;
  readonly reference: SessionReference | null;
  /** The vehicle facts given (`{}` when none). */
  readonly vehicle: VehicleInput;
  readonly sms: SmsInput | null;
};

/** The settings of a new session: what the create body gives, PAVE's defaults for the rest. */
export function settingsOfCreate(request: CreateSessionRequest): SessionSettings {
  const session = request.session ?? {};
  return {
    theme: session.theme ?? defaultSessionTheme,
    language: session.language ?? defaultSessionLanguage,
    redirect_url: session.redirect_url ?? null,
    client_id: session.client_id ?? null,
    contact: session.contact ?? null,
    reference: session.reference ?? null,
    vehicle: request.vehicle ?? {},
    sms: request.sms ?? null,
  };
}

/** What the capture learned about the vehicle: the latest typed VIN and odometer reading (null when none). */
export type LearnedVehicle = { readonly vin: string | null; readonly odom_reading: number | null };

/** Everything a session object is made of; times as dates, the capture link already built. */
export type SessionFacts = {
  readonly sessionKey: SessionKey;
  readonly status: SessionStatus;
  readonly settings: SessionSettings;
  readonly learned: LearnedVehicle;
  readonly captureUrl: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly expiresAt: Date;
  readonly inspectStartedAt: Date | null;
  readonly inspectEndedAt: Date | null;
  readonly invalidReason: string | null;
};

/** The wire `vehicle`: the given facts, a typed VIN or reading in place of the given one, null for the rest. */
export function toSessionVehicle(given: VehicleInput, learned: LearnedVehicle): SessionVehicle {
  return {
    vin: learned.vin ?? given.vin ?? null,
    year: given.year ?? null,
    make: given.make ?? null,
    model: given.model ?? null,
    body_type: given.body_type ?? null,
    trim: given.trim ?? null,
    transmission: given.transmission ?? null,
    ext_col: given.ext_col ?? null,
    int_col: given.int_col ?? null,
    odom_reading: learned.odom_reading ?? given.odom_reading ?? null,
    odom_unit: given.odom_unit ?? null,
  };
}

function toSessionSms(sms: SmsInput | null): SessionSms | null {
  if (sms === null) return null;
  // texts are sent only through a provider, and none is built in (contract section 1): nothing was sent
  return { to: sms.to, to_name: sms.to_name ?? null, from: sms.from ?? null, by: sms.by ?? null, sent: false };
}

const wireOrNull = (date: Date | null): string | null => (date === null ? null : formatWireTimestamp(date));

/** A session as the API answers it: the one projection of stored facts to the wire, PAVE's fields in PAVE's order. */
export function toSessionObject(facts: SessionFacts): Session {
  const { settings } = facts;
  return {
    session_key: facts.sessionKey,
    theme: settings.theme,
    active: isSessionActive(facts.status),
    status: facts.status,
    redirect_url: settings.redirect_url,
    inspect_started_at: wireOrNull(facts.inspectStartedAt),
    inspect_ended_at: wireOrNull(facts.inspectEndedAt),
    created_at: formatWireTimestamp(facts.createdAt),
    updated_at: formatWireTimestamp(facts.updatedAt),
    language: settings.language,
    capture_url: facts.captureUrl,
    options: { client_id: settings.client_id, sms: toSessionSms(settings.sms) },
    vehicle: toSessionVehicle(settings.vehicle, facts.learned),
    expires_at: formatWireTimestamp(facts.expiresAt),
    contact: settings.contact,
    reference: settings.reference,
    invalid_reason: facts.status === 'INVALID' ? (facts.invalidReason ?? '') : null,
  };
}

/**
 * The VIN to record as typed in when the capture starts: the one given at creation, so the driver skips the VIN
 * step (as PAVE documents); null when none was given or the VIN step already has an attempt.
 */
export function givenVinEntry(settings: SessionSettings, photoCodes: readonly number[]): string | null {
  const vin = settings.vehicle.vin;
  return vin !== undefined && !photoCodes.includes(1) ? vin : null;
}
