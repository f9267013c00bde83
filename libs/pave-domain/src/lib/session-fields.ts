import * as z from 'zod/mini';

// The field schemas that both the request bodies (session-request.ts) and the session object (session-object.ts)
// use; kept apart so that reading sessions does not carry the request bodies.

/** Text of a session or vehicle field: trimmed, 1–128 characters. */
export const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(128));

/** Units of an odometer reading (PAVE's `odom_unit`). */
export const OdometerUnit = z.enum(['KILOMETRES', 'MILES']);
export type OdometerUnit = z.infer<typeof OdometerUnit>;

/** The driver the session is for (ours, beside PAVE's fields): both names required when given. */
export const SessionContact = z.strictObject({ first_name: shortText, last_name: shortText });
export type SessionContact = z.infer<typeof SessionContact>;

/** How many keys a session's `reference` may have. */
export const referenceMaxKeys = 20;
/** How long a `reference` value may be (characters). */
export const referenceMaxValueLength = 256;
/** How long a `reference` key may be (characters). */
export const referenceMaxKeyLength = 64;

/**
 * The integrator's own references (`{"claim": "C-17"}`): a flat object of strings, at most
 * {@link referenceMaxKeys} keys of at most {@link referenceMaxKeyLength} characters, values of at most
 * {@link referenceMaxValueLength}. PAVE deletes it after completion; we keep it (contract section 1).
 */
export const SessionReference = z
  .record(
    z.string().check(z.minLength(1), z.maxLength(referenceMaxKeyLength)),
    z.string().check(z.maxLength(referenceMaxValueLength)),
  )
  .check(
    z.refine((reference) => Object.keys(reference).length <= referenceMaxKeys, {
      message: `Expected at most ${referenceMaxKeys} keys`,
    }),
  );
export type SessionReference = z.infer<typeof SessionReference>;
