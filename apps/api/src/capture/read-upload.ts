import { uploadFieldName, type Result } from '@pave/domain';
import busboy, { type Busboy, type FileInfo } from 'busboy';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';

/** The one file of an upload, read into memory (at most `maxBytes`). */
export type Upload = { readonly bytes: Buffer; readonly filename: string | null };

/** Why an upload was refused before any image processing. */
export type UploadErrorCode = 'not_multipart' | 'too_large' | 'bad_form' | 'too_slow';

/** A refused upload: a code (its status is the router's business) and a sentence for the caller. */
export type UploadError = { code: UploadErrorCode; message: string };

/** How much a multipart upload may carry. */
export type UploadLimits = {
  /** The largest accepted file, in bytes; one byte more is `too_large`. */
  readonly maxBytes: number;
  /** How the body must arrive; a slower one is `too_slow` (absent: no limit, for tests of other things). */
  readonly pace?: UploadPace;
};

/** The slowest body the server keeps reading: whole within `deadlineMs`, and `minBytesPerSecond` over every window. */
export type UploadPace = {
  readonly deadlineMs: number;
  readonly minBytesPerSecond: number;
  readonly windowMs: number;
};

/**
 * Watches a body arrive and calls `tooSlow` once it misses its pace: fewer than `minBytesPerSecond` over a window of
 * `windowMs`, or not complete after `deadlineMs`. The returned function stops watching.
 */
function watchPace(req: Request, pace: UploadPace, tooSlow: (message: string) => void): () => void {
  let seen = 0;
  const onData = (chunk: Buffer): void => {
    seen += chunk.length;
  };
  req.on('data', onData);
  const minimum = (pace.minBytesPerSecond * pace.windowMs) / 1000;
  const window = setInterval(() => {
    if (seen < minimum) tooSlow(`The upload arrived slower than ${pace.minBytesPerSecond} bytes per second.`);
    seen = 0;
  }, pace.windowMs);
  const deadline = setTimeout(
    () => tooSlow(`The upload did not arrive within ${Math.round(pace.deadlineMs / 1000)} s.`),
    pace.deadlineMs,
  );
  return () => {
    clearInterval(window);
    clearTimeout(deadline);
    req.off('data', onData);
  };
}

// Room for the multipart boundaries, part headers and a few small text fields around the file.
const formOverheadBytes = 64 * 1024;
const textFieldLimits = { fields: 8, fieldSize: 1024, fieldNameSize: 100, parts: 10, headerPairs: 20 } as const;

const refuse = (code: UploadErrorCode, message: string): { ok: false; error: UploadError } => ({
  ok: false,
  error: { code, message },
});

function tooLarge(limits: UploadLimits): { ok: false; error: UploadError } {
  return refuse('too_large', `The image is larger than ${limits.maxBytes} bytes.`);
}

/** A declared Content-Length that cannot fit the limit is refused before a byte is read. */
function declaredTooLarge(req: Request, limits: UploadLimits): boolean {
  const declared = Number(req.get('Content-Length') ?? Number.NaN);
  return Number.isFinite(declared) && declared > limits.maxBytes + formOverheadBytes;
}

function createParser(req: Request, limits: UploadLimits): Result<Busboy, UploadError> {
  try {
    const parser = busboy({
      headers: req.headers,
      limits: { ...textFieldLimits, files: 1, fileSize: limits.maxBytes + 1 },
    });
    return { ok: true, value: parser };
  } catch (error) {
    return refuse('bad_form', formErrorMessage(error));
  }
}

type Collector = {
  settle(outcome: Result<Upload, UploadError>): void;
  file: Upload | null;
  /** Bytes to allocate for the file up front (the declared request length, at most the limit), or null. */
  readonly capacity: number | null;
};

/** The request's declared length, which bounds the file's: its buffer is allocated once, at that size. */
function declaredLength(req: Request): number | null {
  const declared = Number(req.get('Content-Length') ?? Number.NaN);
  return Number.isSafeInteger(declared) && declared > 0 ? declared : null;
}

/** Collects a file's chunks: into one buffer of `capacity` bytes when the length is known, else concatenated at the end. */
function createSink(capacity: number | null) {
  const buffer = capacity === null ? null : Buffer.allocUnsafe(capacity);
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    get size() {
      return size;
    },
    add(chunk: Buffer): void {
      const fits = buffer !== null && chunks.length === 0 && size + chunk.length <= buffer.length;
      if (fits) chunk.copy(buffer, size);
      else {
        // more than declared cannot arrive (Node's parser holds a body to its Content-Length); kept correct anyway
        if (buffer && chunks.length === 0) chunks.push(buffer.subarray(0, size));
        chunks.push(chunk);
      }
      size += chunk.length;
    },
    bytes(): Buffer {
      if (chunks.length > 0) return Buffer.concat(chunks, size);
      return buffer ? buffer.subarray(0, size) : Buffer.alloc(0);
    },
  };
}

function collectFile(stream: Readable, info: FileInfo, limits: UploadLimits, collector: Collector): void {
  const sink = createSink(collector.capacity);
  stream.on('data', (chunk: Buffer) => sink.add(chunk));
  stream.on('limit', () => collector.settle(tooLarge(limits)));
  // busboy destroys the file stream with its error when the form breaks off; the parser reports it too
  stream.on('error', (error: unknown) => collector.settle(refuse('bad_form', formErrorMessage(error))));
  stream.on('end', () => {
    if (sink.size > limits.maxBytes) return;
    collector.file = { bytes: sink.bytes(), filename: info.filename ?? null };
  });
}

function listen(parser: Busboy, limits: UploadLimits, collector: Collector): void {
  const badForm = (message: string) => () => collector.settle(refuse('bad_form', message));
  parser.on('file', (name: string | undefined, stream, info) => {
    if (name !== uploadFieldName) {
      // busboy gives no name at all for a part whose name is empty
      const shown = (name ?? '').slice(0, 100);
      stream.on('error', () => undefined).resume();
      collector.settle(refuse('bad_form', `Unexpected file field "${shown}": send one field "${uploadFieldName}".`));
      return;
    }
    collectFile(stream, info, limits, collector);
  });
  parser.on('filesLimit', badForm(`Send exactly one file, in the field "${uploadFieldName}".`));
  parser.on('fieldsLimit', badForm('Too many form fields.'));
  parser.on('partsLimit', badForm('Too many form parts.'));
  parser.on('error', (error: unknown) => collector.settle(refuse('bad_form', formErrorMessage(error))));
  parser.on('close', () => {
    const file = collector.file;
    collector.settle(
      file
        ? { ok: true, value: file }
        : refuse('bad_form', `No file: send the image in the field "${uploadFieldName}".`),
    );
  });
}

function formErrorMessage(error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200);
  return `The multipart form cannot be read (${detail ?? 'malformed'}).`;
}

/**
 * Reads the one file of a `multipart/form-data` request (field {@link uploadFieldName}) into memory, streaming: it stops
 * buffering as soon as the file passes `maxBytes`, or at the first other file field, second file or malformed
 * part, or once the body misses its pace (`too_slow`: a client holding its upload slot while sending nothing). The
 * rest of such a request is left unread: {@link drainAfterResponse} deals with it. The file's type is not judged
 * here (the bytes are, later); its name and declared type are ignored.
 */
export function readUpload(req: Request, limits: UploadLimits): Promise<Result<Upload, UploadError>> {
  if (!req.is('multipart/form-data')) {
    return Promise.resolve(
      refuse('not_multipart', `Send the image as multipart/form-data, in the field "${uploadFieldName}".`),
    );
  }
  if (declaredTooLarge(req, limits)) return Promise.resolve(tooLarge(limits));
  const parser = createParser(req, limits);
  if (!parser.ok) return Promise.resolve(parser);
  return new Promise((resolve) => {
    let settled = false;
    let stopWatching = (): void => undefined;
    const declared = declaredLength(req);
    const collector: Collector = {
      file: null,
      capacity: declared === null ? null : Math.min(declared, limits.maxBytes + 1),
      settle(outcome) {
        if (settled) return;
        settled = true;
        stopWatching();
        if (!outcome.ok) req.unpipe(parser.value);
        resolve(outcome);
      },
    };
    listen(parser.value, limits, collector);
    if (limits.pace)
      stopWatching = watchPace(req, limits.pace, (message) => collector.settle(refuse('too_slow', message)));
    // a client that goes away mid-upload must not leave the request (and its upload slot) waiting forever
    req.once('close', () => {
      if (!req.complete) collector.settle(refuse('bad_form', 'The upload was interrupted.'));
    });
    req.pipe(parser.value);
  });
}

/** How much of a refused request's body is read and thrown away after answering, before the connection is cut. */
export type DrainLimits = { readonly maxBytes: number; readonly maxMs: number };

/**
 * Once the response is sent, reads and discards what the client is still sending (so it sees the answer instead
 * of a reset connection), up to `maxBytes` or `maxMs`; past either, the connection is closed.
 */
export function drainAfterResponse(req: Request, res: Response, limits: DrainLimits): void {
  res.once('finish', () => {
    if (req.complete || req.destroyed) return;
    let seen = 0;
    const cut = (): void => {
      clearTimeout(timer);
      req.socket.destroy();
    };
    const timer = setTimeout(cut, limits.maxMs);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limits.maxBytes) cut();
    });
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
    req.resume();
  });
}
