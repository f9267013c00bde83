import {
  PhotoCode,
  QaMeasures,
  QaReasonCode,
  SessionContact,
  SessionKey,
  SessionLanguage,
  SessionReference,
  SessionStatus,
  SessionTheme,
  SmsInput,
  VehicleInput,
  type SessionSettings,
} from '@pave/domain';
import type { Insertable, Selectable } from 'kysely';
import { z } from 'zod';
import type { AccountsTable, AttemptsTable, SessionNotesTable, SessionsTable } from './database.js';
import type { AccountRow, AttemptKind, AttemptRow, NewAccount, NewSession, NoteRow, SessionRow } from './repository.js';

// Rows are parsed on the way out, so a value that does not fit the domain fails loudly here, not on the wire; new
// rows are spelled in the tables' columns on the way in.

const AttemptKindSchema = z.enum(['photo', 'manual', 'skip']) satisfies z.ZodType<AttemptKind>;

function parseJson<T>(schema: z.core.$ZodType<T>, text: string | null): T | null {
  return text === null ? null : z.parse(schema, JSON.parse(text));
}

/** An `accounts` row in domain terms. */
export function toAccountRow(row: Selectable<AccountsTable>): AccountRow {
  return {
    id: Number(row.id),
    username: row.username,
    apiKey: row.api_key,
    apiSecret: row.api_secret,
    expirySeconds: Number(row.expiry_seconds),
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    storedImageBytes: Number(row.stored_image_bytes),
    previousApiSecret: row.previous_api_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at === null ? null : Number(row.previous_secret_expires_at),
  };
}

/** The `accounts` row of a new account (the table's default expiry window unless it says one). */
export function toAccountValues(account: NewAccount): Insertable<AccountsTable> {
  return {
    username: account.username,
    api_key: account.apiKey,
    api_secret: account.apiSecret,
    ...(account.expirySeconds === undefined ? {} : { expiry_seconds: account.expirySeconds }),
    created_at: account.createdAt,
    revoked_at: null,
  };
}

const nullableNumber = (value: number | null): number | null => (value === null ? null : Number(value));
const jsonOrNull = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** The settings columns of a `sessions` row, parsed with the domain's schemas. */
function settingsOf(row: Selectable<SessionsTable>): SessionSettings {
  return {
    theme: SessionTheme.parse(row.theme),
    language: SessionLanguage.parse(row.language),
    redirect_url: row.redirect_url,
    client_id: row.client_id,
    contact: parseJson(SessionContact, row.contact_json),
    reference: parseJson(SessionReference, row.reference_json),
    vehicle: parseJson(VehicleInput, row.vehicle_json) ?? {},
    sms: parseJson(SmsInput, row.sms_json),
  };
}

/** The settings of a session spelled in the columns of `sessions` (an empty vehicle is stored as null). */
export function toSettingsValues(settings: SessionSettings) {
  return {
    theme: settings.theme,
    language: settings.language,
    redirect_url: settings.redirect_url,
    client_id: settings.client_id,
    contact_json: jsonOrNull(settings.contact),
    reference_json: jsonOrNull(settings.reference),
    vehicle_json: Object.keys(settings.vehicle).length === 0 ? null : JSON.stringify(settings.vehicle),
    sms_json: jsonOrNull(settings.sms),
  } satisfies Partial<Insertable<SessionsTable>>;
}

/** A `sessions` row in domain terms. */
export function toSessionRow(row: Selectable<SessionsTable>): SessionRow {
  return {
    id: Number(row.id),
    sessionKey: SessionKey.parse(row.session_key),
    accountId: Number(row.account_id),
    status: SessionStatus.parse(row.status),
    settings: settingsOf(row),
    learned: { vin: row.learned_vin, odom_reading: nullableNumber(row.learned_odometer) },
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    expiresAt: Number(row.expires_at),
    inspectStartedAt: nullableNumber(row.inspect_started_at),
    inspectEndedAt: nullableNumber(row.inspect_ended_at),
    invalidReason: row.invalid_reason,
    version: Number(row.version),
    photosVersion: Number(row.photos_version),
    captureToken:
      row.capture_token_hash === null || row.capture_token_sealed === null
        ? null
        : { hash: row.capture_token_hash, sealed: row.capture_token_sealed },
  };
}

/** The `sessions` row of a new session: `IDLE`, last updated when created. */
export function toSessionValues(session: NewSession): Insertable<SessionsTable> {
  return {
    session_key: session.sessionKey,
    account_id: session.accountId,
    status: 'IDLE',
    ...toSettingsValues(session.settings),
    created_at: session.createdAt,
    updated_at: session.createdAt,
    expires_at: session.expiresAt,
    inspect_started_at: null,
    inspect_ended_at: null,
    invalid_reason: null,
    learned_vin: null,
    learned_odometer: null,
    capture_token_hash: session.captureToken?.hash ?? null,
    capture_token_sealed: session.captureToken?.sealed ?? null,
  };
}

/** A `session_notes` row in domain terms. */
export function toNoteRow(row: Selectable<SessionNotesTable>): NoteRow {
  return {
    id: Number(row.id),
    sessionId: Number(row.session_id),
    note: row.note,
    author: row.author,
    createdAt: Number(row.created_at),
  };
}

/** An `attempts` row in domain terms. */
export function toAttemptRow(row: Selectable<AttemptsTable>): AttemptRow {
  return {
    id: Number(row.id),
    sessionId: Number(row.session_id),
    seq: Number(row.seq),
    photoCode: PhotoCode.parse(Number(row.photo_code)),
    kind: AttemptKindSchema.parse(row.kind),
    approved: Boolean(row.approved),
    reason: row.reason,
    reasonCode: row.reason_code === null ? null : QaReasonCode.parse(row.reason_code),
    imageId: row.image_id,
    manualValue: row.manual_value,
    qaMeasures: parseJson(QaMeasures, row.qa_measures),
    processingMs: row.processing_ms === null ? null : Number(row.processing_ms),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    verdictAt: Number(row.verdict_at),
  };
}
