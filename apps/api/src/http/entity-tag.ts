import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Conditional GETs (RFC 9110 §13.1.2). A read answer's tag is a hash of its JSON bytes: two instances that would
// send the same bytes send the same tag, and no change to what an answer holds (a photo, a status, a note) can keep
// an old tag. The photos answer is serialised once per `photos_version` (photos-fast-path.ts), so is its tag.

/** The strong entity tag of an answer's bytes: `"` + 27 characters of base64url SHA-1 + `"`. */
export function entityTagOf(bytes: Buffer | string): string {
  return `"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/**
 * Does `If-None-Match` name this tag? `*` matches any; a list is compared entry by entry with the weak comparison
 * (a `W/` prefix is ignored), as RFC 9110 asks for `If-None-Match`.
 */
export function matchesIfNoneMatch(ifNoneMatch: string | string[] | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (header.trim() === '*') return true;
  const opaque = tag.replace(/^W\//, '');
  return header.split(',').some((entry) => entry.trim().replace(/^W\//, '') === opaque);
}

/** An answer's JSON bytes and their tag. */
export type TaggedJson = { readonly bytes: Buffer; readonly tag: string };

/**
 * Answers already serialised, by identity. The sessions service hands out the same (never changed) photos array
 * for a session until its `photos_version` moves (photos-cache.ts), so polling one session serialises and hashes
 * it once per version. Other answers are fresh objects and are simply collected.
 */
const serialized = new WeakMap<object, TaggedJson>();

/** The JSON bytes of an answer (what Express's `res.json` sends: `JSON.stringify`) and their entity tag. */
export function taggedJsonOf(body: unknown): TaggedJson {
  const cacheable = typeof body === 'object' && body !== null;
  const known = cacheable ? serialized.get(body) : undefined;
  if (known) return known;
  const bytes = Buffer.from(JSON.stringify(body));
  const tagged = { bytes, tag: entityTagOf(bytes) };
  if (cacheable) serialized.set(body, tagged);
  return tagged;
}

/**
 * Sends a 200 JSON answer with its `ETag` the way Express's `res.json` does (same bytes, Content-Type and
 * Content-Length), or `304 Not Modified` with no body when the request's `If-None-Match` names the tag. Headers
 * already set (request id, rate limit) are kept.
 */
export function sendTaggedJson(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const { bytes, tag } = taggedJsonOf(body);
  if (matchesIfNoneMatch(req.headers['if-none-match'], tag)) {
    res.writeHead(304, { ETag: tag });
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    ETag: tag,
  });
  // Node leaves the body out of an answer to HEAD
  res.end(bytes);
}
