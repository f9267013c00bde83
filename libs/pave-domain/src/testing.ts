// Fixture builders for tests. Production code never imports this file.
import { photoLabelOf, type PhotoCode } from './lib/photo-code.js';
import { buildApprovedMessage, type QaReasonCode } from './lib/qa-reasons.js';
import type { AttemptRecord } from './lib/progress-wire.js';
import { AbsoluteUrl, SessionPhoto } from './lib/session-photo.js';
import { Session, settingsOfCreate, toSessionVehicle, type SessionSettings } from './lib/session-object.js';
import { isSessionActive, SessionStatus } from './lib/session.js';
import type * as z from 'zod/mini';
import { CreateSessionRequest } from './lib/session-request.js';
import samplePhotosJson from './fixtures/session-photos.200.json' with { type: 'json' };
import sampleNotFoundJson from './fixtures/session-photos.404.json' with { type: 'json' };

/** The original page's 200 sample, as parsed JSON (src/fixtures/session-photos.200.json, byte for byte). */
export const samplePhotosFixture: unknown = samplePhotosJson;
/** The original page's 404 sample (src/fixtures/session-photos.404.json). */
export const sampleNotFoundFixture: unknown = sampleNotFoundJson;

/** Options of {@link buildPhoto}: any wire field, or a `reason` code/text to reject with. */
export type BuildPhotoOptions = Partial<SessionPhoto> & { reason?: QaReasonCode | { text: string } | null };

/** Builds a valid attempt (accepted VIN by default), parsed with the schema so it cannot drift. */
export function buildPhoto(options: BuildPhotoOptions = {}): SessionPhoto {
  const { reason, ...fields } = options;
  const photoCode: PhotoCode = fields.photo_code ?? 1;
  const rejected = reason !== undefined && reason !== null;
  return SessionPhoto.parse({
    photo_code: photoCode,
    photo_label: photoLabelOf(photoCode),
    url: `https://images.example.test/${photoCode}.jpg`,
    approved: !rejected,
    approved_message: buildApprovedMessage(rejected ? reason : null),
    created_at: '2021-05-27T07:36:16+00:00',
    updated_at: '2021-05-27T07:36:18+00:00',
    ...fields,
  });
}

/** Builds a valid session object (IDLE by default; `active` and `invalid_reason` follow a given status). */
export function buildSession(overrides: Partial<Record<keyof Session, unknown>> = {}): Session {
  const status = SessionStatus.parse(overrides.status ?? 'IDLE');
  return Session.parse({
    session_key: 'DEM-0123456789',
    theme: 'PRO',
    active: isSessionActive(status),
    status,
    redirect_url: null,
    inspect_started_at: null,
    inspect_ended_at: null,
    created_at: '2021-05-27T07:30:00+00:00',
    updated_at: '2021-05-27T07:30:00+00:00',
    language: 'EN',
    capture_url: 'http://localhost:3000/capture/DEM-0123456789',
    options: { client_id: null, sms: null },
    vehicle: toSessionVehicle({}, { vin: null, odom_reading: null }),
    expires_at: '2021-06-03T07:30:00+00:00',
    contact: null,
    reference: null,
    invalid_reason: status === 'INVALID' ? 'Wrong vehicle' : null,
    ...overrides,
  });
}

/**
 * Builds PAVE's documented create body as its samples spell it (strings for year and odometer reading; every part
 * filled in), a fresh object each call. Checked against {@link CreateSessionRequest}, so it cannot drift from what
 * the server accepts.
 */
export function buildPaveCreateBody() {
  const body = {
    session: {
      theme: 'PRO',
      redirect_url: 'https://dealer.example/done',
      language: 'EN',
      client_id: 'SOUTH234889',
      contact: { first_name: 'Ada', last_name: 'Lovelace' },
      reference: { claim: 'C-17', branch: 'north' },
    },
    vehicle: {
      vin: 'JN1CV6AR9BM123456',
      year: '2019',
      make: 'Toyota',
      model: 'Corolla',
      body_type: 'Sedan',
      trim: 'LE',
      transmission: 'Automatic',
      ext_col: 'White',
      int_col: 'Black',
      odom_reading: '100,945',
      odom_unit: 'KILOMETRES',
    },
    sms: { to: '+15550100', to_name: 'Ada', from: 'Dealer', by: 'Dealer name' },
  } as const satisfies z.input<typeof CreateSessionRequest>;
  CreateSessionRequest.parse(body);
  return body;
}

/** Builds the settings of a session created with an empty body, with `overrides`. */
export function buildSessionSettings(overrides: Partial<SessionSettings> = {}): SessionSettings {
  return { ...settingsOfCreate({}), ...overrides };
}

/** Options of {@link buildAttemptRecord}: the photo's options, and any of what the server knows besides. */
export type BuildAttemptRecordOptions = BuildPhotoOptions & Partial<Omit<AttemptRecord, 'photo'>>;

/**
 * Builds an attempt as the server records it (an accepted, photographed VIN by default, no thumbnail, measures or
 * QA time), its photo built by {@link buildPhoto} and its thumbnail checked as an absolute http(s) URL.
 */
export function buildAttemptRecord(options: BuildAttemptRecordOptions = {}): AttemptRecord {
  const { manual = false, thumbnailUrl = null, qaMeasures = null, verdictSeconds = null, ...photo } = options;
  return {
    photo: buildPhoto(photo),
    manual,
    thumbnailUrl: thumbnailUrl === null ? null : AbsoluteUrl.parse(thumbnailUrl),
    qaMeasures,
    verdictSeconds,
  };
}
