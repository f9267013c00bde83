import * as z from 'zod/mini';

/** The stable codes of the QA reasons our server produces (contract section 4). */
export const QaReasonCode = z.enum([
  'wrong_view',
  'blurry',
  'too_dark',
  'too_bright',
  'low_resolution',
  'wrong_orientation',
  'skipped',
]);
export type QaReasonCode = z.infer<typeof QaReasonCode>;

/** The reason text of each code, as it appears after `REJECTED: ` in `approved_message`. */
export const qaReasons = {
  wrong_view: 'Wrong View',
  blurry: 'Blurry Image',
  too_dark: 'Too Dark',
  too_bright: 'Too Bright',
  low_resolution: 'Low Resolution',
  wrong_orientation: 'Wrong Orientation',
  skipped: 'Skipped',
} as const satisfies Record<QaReasonCode, string>;

const codesByReason: ReadonlyMap<string, QaReasonCode> = new Map(
  QaReasonCode.options.map((code) => [qaReasons[code], code] as const),
);

/** The `approved_message` of an accepted attempt. */
export const acceptedMessage = 'ACCEPTED';
const rejectedPrefix = 'REJECTED: ';

/** `ACCEPTED`, or `REJECTED: <reason>` with a non-empty reason (PAVE's own reasons may be free text). */
export const ApprovedMessage = z
  .string()
  .check(
    z.refine(
      (text) => text === acceptedMessage || (text.startsWith(rejectedPrefix) && text.length > rejectedPrefix.length),
      { message: 'Expected ACCEPTED or REJECTED: <reason>' },
    ),
  );

/** Builds `approved_message`: `ACCEPTED` for no reason, else `REJECTED: <reason>` (a code's text, or free text). */
export function buildApprovedMessage(reason: QaReasonCode | { text: string } | null): string {
  if (reason === null) return acceptedMessage;
  const text = typeof reason === 'string' ? qaReasons[reason] : reason.text;
  if (text.trim() === '') throw new Error('invariant: a rejection needs a reason');
  return `${rejectedPrefix}${text}`;
}

/** What an `approved_message` says: accepted, or rejected with its reason text and code (null for text we do not produce). */
export type ApprovedVerdict = { approved: true } | { approved: false; reason: string; reasonCode: QaReasonCode | null };

/** Reads an `approved_message`; null when it is neither `ACCEPTED` nor `REJECTED: <reason>`. */
export function parseApprovedMessage(text: string): ApprovedVerdict | null {
  if (text === acceptedMessage) return { approved: true };
  if (!text.startsWith(rejectedPrefix) || text.length === rejectedPrefix.length) return null;
  const reason = text.slice(rejectedPrefix.length);
  return { approved: false, reason, reasonCode: codesByReason.get(reason) ?? null };
}
