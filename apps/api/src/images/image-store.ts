import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/** The stored variants of one image. */
export type ImageVariant = 'full' | 'thumb';

/** What is known of one stored variant without reading it. */
export type ImageInfo = {
  readonly size: number;
  /** A quoted HTTP entity tag (weak for the folder store); it changes whenever the bytes could have. */
  readonly etag: string;
  readonly lastModified: Date;
  /** Hex SHA-256 of the bytes when the store keeps it (object storage), else null. */
  readonly sha256: string | null;
};

/** An inclusive byte range, already checked against the size. */
export type ByteRange = { readonly start: number; readonly end: number };

/** A variant opened for reading: its info, and its bytes (the whole file, or `range` of it) as a stream. */
export type OpenedImage = ImageInfo & { readonly body: Readable; readonly range: ByteRange | null };

/** One file of a store, by its name relative to the store's root (`ab/<id>.jpg`). */
export type StoredFile = { readonly name: string; readonly size: number; readonly lastModified: Date };

/** Where a sweep may start (resuming an earlier one) and how it reports progress. */
export type SweepOptions = {
  /** Only names after this one (in listing order) are looked at. */
  readonly after?: string;
  /** Called after each page with the last name looked at: pass it as `after` to resume there. */
  readonly onPage?: (lastName: string, report: SweepReport) => void;
};

/** What a sweep removed. */
export type SweepReport = { removedImages: number; removedTemporary: number; kept: number };

/** Which of `ids` an attempt row points to. */
export type IsReferenced = (ids: readonly string[]) => Promise<ReadonlySet<string>>;

/**
 * Where uploaded images live: a folder (the default) or S3-compatible object storage. A variant is written whole
 * or not at all, so a reader never sees half an image.
 */
export type ImageStore = {
  /** Where the images are, for logs and errors (no credentials). */
  readonly description: string;
  /** A new unguessable image id (128 random bits, hex). */
  newId(): string;
  /** Resolves when the store can be written now (the folder is writable, the bucket answers); rejects otherwise. */
  ping(): Promise<void>;
  /** Writes both variants durably; when it resolves, a crash loses neither (before, it may leave one: an orphan). */
  save(id: string, files: Record<ImageVariant, Buffer>): Promise<void>;
  /** Removes both variants (a failed commit, a deleted session); missing ones are fine. */
  remove(id: string): Promise<void>;
  /** A variant's info, or null when it is missing or `id` is not an image id. */
  stat(id: string, variant: ImageVariant): Promise<ImageInfo | null>;
  /** A variant's bytes, whole or `range` of them; null when it is missing or `id` is not an image id. */
  open(id: string, variant: ImageVariant, range?: ByteRange): Promise<OpenedImage | null>;
  /** A URL that reads the variant for `expiresInSeconds` without credentials; null when the store has none. */
  presign(id: string, variant: ImageVariant, expiresInSeconds: number): Promise<string | null>;
  /** Every file of the store, a page at a time, in name order (starting after `after` when given). */
  list(options?: { readonly after?: string }): AsyncIterable<readonly StoredFile[]>;
  /**
   * Removes images no row points to and half-written files, page by page; anything younger than `graceMs` is left
   * alone (an upload in flight here or on another instance).
   */
  sweep(isReferenced: IsReferenced, graceMs: number, options?: SweepOptions): Promise<SweepReport>;
};

/** What a store may be given besides its location: the clock of its sweep, and (tests) its listing page size. */
export type ImageStoreOptions = { readonly now?: () => number; readonly pageSize?: number };

const idPattern = /^[0-9a-f]{32}$/;
const fileNamePattern = /^([0-9a-f]{2})\/([0-9a-f]{32})(\.thumb)?\.jpg$/;

/** True for a string shaped like an image id. */
export function isImageId(id: string): boolean {
  return idPattern.test(id);
}

/** A new image id: 128 random bits, hex. */
export function newImageId(): string {
  return randomBytes(16).toString('hex');
}

/** The name of a variant relative to the store's root: `ab/<id>.jpg`, `ab/<id>.thumb.jpg`. */
export function imageFileName(id: string, variant: ImageVariant): string {
  if (!isImageId(id)) throw new Error(`invariant: not an image id: ${id.slice(0, 40)}`);
  return `${id.slice(0, 2)}/${id}${variant === 'thumb' ? '.thumb' : ''}.jpg`;
}

/** The image id and variant a stored name holds, or null for any other name (a temporary file, a stranger). */
export function parseImageFileName(name: string): { id: string; variant: ImageVariant } | null {
  const match = fileNamePattern.exec(name);
  if (!match?.[2] || match[1] !== match[2].slice(0, 2)) return null;
  return { id: match[2], variant: match[3] ? 'thumb' : 'full' };
}
