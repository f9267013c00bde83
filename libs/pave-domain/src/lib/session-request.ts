import * as z from 'zod/mini';
import { OdometerUnit, SessionContact, SessionReference, shortText } from './session-fields.js';
import { AbsoluteUrl } from './session-photo.js';
import { SessionLanguage, SessionTheme } from './session.js';
import { Vin } from './vin.js';

/** The largest odometer reading accepted: 7 digits, as a typed reading (contract section 3). */
export const maxOdometerReading = 9_999_999;

// PAVE's samples send `year` and `odom_reading` as strings ("2019", "100,945"); a JSON number is accepted as well.
const digitsOrInteger = (separators: boolean) =>
  z.pipe(
    z.union([
      z.int().check(z.nonnegative()),
      z.string().check(
        z.regex(separators ? /^\s*\d{1,3}([,. ]?\d{3})*\s*$/ : /^\s*\d+\s*$/, {
          message: separators ? 'Expected digits, optionally grouped by , . or space' : 'Expected digits',
        }),
      ),
    ]),
    z.transform((value) => (typeof value === 'number' ? value : Number(value.replace(/[^\d]/g, '')))),
  );

/** A vehicle's model year: a number or a string of digits, 1900–2100. */
export const VehicleYear = z.pipe(digitsOrInteger(false), z.int().check(z.minimum(1900), z.maximum(2100)));

/** An odometer reading: a number or a string of digits (`"100945"`, `"100,945"`), 0–9 999 999. */
export const OdometerReading = z.pipe(digitsOrInteger(true), z.int().check(z.maximum(maxOdometerReading)));

/** A phone number to text: digits with an optional leading `+`. */
export const PhoneNumber = z
  .string()
  .check(z.trim(), z.regex(/^\+?\d{4,15}$/, { message: 'Expected a phone number: digits with an optional leading +' }));

/** `vehicle` of a create or update body: facts the integrator knows (every field optional, unknown keys refused). */
export const VehicleInput = z.strictObject({
  vin: z.optional(z.pipe(z.string().check(z.trim(), z.toUpperCase()), Vin)),
  year: z.optional(VehicleYear),
  make: z.optional(shortText),
  model: z.optional(shortText),
  body_type: z.optional(shortText),
  trim: z.optional(shortText),
  transmission: z.optional(shortText),
  ext_col: z.optional(shortText),
  int_col: z.optional(shortText),
  odom_reading: z.optional(OdometerReading),
  odom_unit: z.optional(OdometerUnit),
});
export type VehicleInput = z.infer<typeof VehicleInput>;

/** `sms` of a create body: whom to text the capture link, and in whose name. Stored and echoed, sent only by a provider. */
export const SmsInput = z.strictObject({
  to: PhoneNumber,
  to_name: z.optional(shortText),
  from: z.optional(shortText),
  by: z.optional(shortText),
});
export type SmsInput = z.infer<typeof SmsInput>;

/** `session` of a create body: how the capture looks and where it leads, and the integrator's own data. */
export const SessionInput = z.strictObject({
  theme: z.optional(SessionTheme),
  redirect_url: z.optional(AbsoluteUrl.check(z.maxLength(2048))),
  language: z.optional(SessionLanguage),
  client_id: z.optional(shortText),
  contact: z.optional(SessionContact),
  reference: z.optional(SessionReference),
});
export type SessionInput = z.infer<typeof SessionInput>;

/**
 * Body of `POST /v1/sessions`, PAVE's nested shape: `session`, `vehicle` and `sms`, each optional (`{}` is valid).
 * Unknown keys anywhere are refused, naming the key.
 */
export const CreateSessionRequest = z.strictObject({
  session: z.optional(SessionInput),
  vehicle: z.optional(VehicleInput),
  sms: z.optional(SmsInput),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;
/** What a caller may pass to `POST /v1/sessions` (`year` and `odom_reading` may be strings of digits). */
export type CreateSessionInput = z.input<typeof CreateSessionRequest>;

/**
 * Body of `PUT /v1/sessions/:session_key`: the shapes of create, every field optional; a given field replaces the
 * stored one (`vehicle` and `sms` field by field, `contact` and `reference` as a whole). What may change when is
 * {@link checkSessionUpdate}'s business.
 */
export const UpdateSessionRequest = z.strictObject({
  session: z.optional(SessionInput),
  vehicle: z.optional(VehicleInput),
  sms: z.optional(z.strictObject({ ...SmsInput.shape, to: z.optional(PhoneNumber) })),
});
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequest>;
/** What a caller may pass to `PUT /v1/sessions/:session_key`. */
export type UpdateSessionInput = z.input<typeof UpdateSessionRequest>;
