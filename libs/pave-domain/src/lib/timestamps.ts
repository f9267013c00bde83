import * as z from 'zod/mini';
import type { Result } from './result.js';

const wirePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+00:00$/;
const isoZPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const unixPattern = /^\d{1,11}$/;
const rfc1123Pattern =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** How far (seconds) an `API-Timestamp` may be behind the server's clock (PAVE's 5 minutes). */
export const tokenFreshnessSeconds = 300;

/**
 * How far (seconds) an `API-Timestamp` may be ahead of the server's clock: a little clock drift, no more, so a
 * captured token lives at most `tokenFreshnessSeconds` + this, not twice `tokenFreshnessSeconds`.
 */
export const tokenFutureSkewSeconds = 30;

/** Builds a UTC date from calendar fields, or null when a field is out of range (Feb 30, 24:00). */
function utcDate(fields: readonly (string | undefined)[]): Date | null {
  const [y, mo, d, h, mi, s] = fields.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const roundTrips =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return roundTrips && y >= 1970 ? date : null;
}

function isoFields(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('invariant: cannot format an invalid date');
  return date.toISOString().slice(0, 19);
}

/** Formats a date as a wire timestamp, `YYYY-MM-DDTHH:MM:SS+00:00` (UTC, whole seconds, truncated). */
export function formatWireTimestamp(date: Date): string {
  return `${isoFields(date)}+00:00`;
}

/** Formats a date as an `API-Timestamp` header, `YYYY-MM-DDTHH:MM:SSZ`, the spelling PAVE documents. */
export function formatApiTimestamp(date: Date): string {
  return `${isoFields(date)}Z`;
}

/** Parses a wire timestamp; null when it is not exactly `YYYY-MM-DDTHH:MM:SS+00:00` or not a real instant. */
export function parseWireTimestamp(text: string): Date | null {
  const match = wirePattern.exec(text);
  return match ? utcDate(match.slice(1)) : null;
}

/** A wire timestamp: UTC, whole seconds, spelled `YYYY-MM-DDTHH:MM:SS+00:00`. */
export const WireTimestamp = z.string().check(
  z.refine((text) => parseWireTimestamp(text) !== null, {
    message: 'Expected a timestamp like 2021-05-27T07:36:16+00:00',
  }),
);
export type WireTimestamp = z.infer<typeof WireTimestamp>;

function parseRfc1123(match: RegExpExecArray): Date | null {
  const [, weekday, day, month, year, h, mi, s] = match;
  const date = utcDate([year, String(months.indexOf(month ?? '') + 1), day, h, mi, s]);
  return date && weekdays[date.getUTCDay()] === weekday ? date : null;
}

/** Why an `API-Timestamp` was refused. */
export type ApiTimestampError = { code: 'unreadable_timestamp' } | { code: 'expired_timestamp'; skewSeconds: number };

/**
 * Parses an `API-Timestamp` in any of the three spellings the contract accepts: `2021-05-30T12:49:19Z`,
 * Unix seconds (`1622378959`) and RFC 1123 (`Sun, 30 May 2021 12:49:19 GMT`). Anything else is unreadable.
 */
export function parseApiTimestamp(text: string): Result<Date, ApiTimestampError> {
  const iso = isoZPattern.exec(text);
  const rfc = iso ? null : rfc1123Pattern.exec(text);
  let date: Date | null = null;
  if (iso) date = utcDate(iso.slice(1));
  else if (rfc) date = parseRfc1123(rfc);
  else if (unixPattern.test(text)) date = new Date(Number(text) * 1000);
  return date ? { ok: true, value: date } : { ok: false, error: { code: 'unreadable_timestamp' } };
}

/**
 * Is a signed timestamp at most {@link tokenFreshnessSeconds} behind `now` and at most {@link tokenFutureSkewSeconds}
 * ahead of it? Exactly that many seconds is still fresh.
 */
export function checkTimestampFreshness(timestamp: Date, now: Date): Result<Date, ApiTimestampError> {
  const offsetMs = timestamp.getTime() - now.getTime();
  const skewSeconds = Math.round(offsetMs / 1000);
  if (offsetMs < -tokenFreshnessSeconds * 1000 || offsetMs > tokenFutureSkewSeconds * 1000) {
    return { ok: false, error: { code: 'expired_timestamp', skewSeconds } };
  }
  return { ok: true, value: timestamp };
}

/** Whole seconds from one wire timestamp to a later one (negative when `to` is earlier). */
export function secondsBetween(from: WireTimestamp, to: WireTimestamp): number {
  const a = parseWireTimestamp(from);
  const b = parseWireTimestamp(to);
  if (!a || !b) throw new Error('invariant: secondsBetween takes parsed wire timestamps');
  return Math.round((b.getTime() - a.getTime()) / 1000);
}
