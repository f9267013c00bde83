import { z } from 'zod';
import type { SessionCursor } from '../storage/repository.js';

const CursorTuple = z.tuple([z.number().int().nonnegative(), z.number().int().positive()]);

/** The opaque `next_cursor` of a session list page: base64url of the last session's (created_at, id). */
export function encodeCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; null for anything else. */
export function decodeCursor(text: string): SessionCursor | null {
  try {
    const parsed = CursorTuple.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
