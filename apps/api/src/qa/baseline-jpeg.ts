/**
 * Marker segments a stored JPEG may carry as they are: the JFIF header, the tables, the restart interval, the
 * baseline frame header and the scans. Anything that changes how the pixels decode other than these (Adobe's
 * colour transform in APP14, an ICC profile, a non-baseline frame) makes the file not storable as uploaded.
 */
const keptMarkers = new Set([0xc0, 0xc4, 0xdb, 0xdd]);
/** Metadata that carries no pixels and is dropped: EXIF/XMP (APP1), IPTC (APP13), other APPn, comments. */
const droppedMarkers = new Set([0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xef, 0xfe]);
const startOfScan = 0xda;
const endOfImage = Buffer.from([0xff, 0xd9]);
const jfif = Buffer.from('JFIF\0', 'latin1');

type Segment = { readonly start: number; readonly end: number; readonly keep: boolean };

/** The marker segments before the first scan, or null when one is malformed or not allowed. */
function headerSegments(bytes: Buffer): { segments: Segment[]; scanStart: number } | null {
  const segments: Segment[] = [{ start: 0, end: 2, keep: true }];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const end = at + 2 + bytes.readUInt16BE(at + 2);
    if (end > bytes.length) return null;
    if (marker === startOfScan) return { segments, scanStart: at };
    const isJfif = marker === 0xe0 && bytes.subarray(at + 4, at + 9).equals(jfif);
    if (!isJfif && !keptMarkers.has(marker) && !droppedMarkers.has(marker) && marker !== 0xe0) return null;
    segments.push({ start: at, end, keep: isJfif || keptMarkers.has(marker) });
    at = end;
  }
  return null;
}

/**
 * The bytes of a baseline JPEG as the server may store them without decoding: every marker segment that carries
 * metadata (EXIF, XMP, IPTC, comments, other APPn) removed, and anything after the end-of-image marker dropped. The
 * pixels decode exactly as before. Null when the file has no baseline frame, carries a segment that changes how it
 * decodes (an Adobe APP14, an ICC profile in APP2, a progressive or arithmetic frame), or is malformed: such files
 * go through the decoder and are re-encoded. Never judges whether the scan data is intact; the caller decodes it.
 */
export function strippedBaselineJpeg(bytes: Buffer): Buffer | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const header = headerSegments(bytes);
  if (!header) return null;
  if (!header.segments.some((segment) => bytes[segment.start + 1] === 0xc0)) return null;
  const eoi = bytes.indexOf(endOfImage, header.scanStart);
  if (eoi < 0) return null;
  const kept = header.segments.filter((segment) => segment.keep);
  const end = eoi + endOfImage.length;
  if (kept.length === header.segments.length && end === bytes.length) return bytes;
  return Buffer.concat([
    ...kept.map((segment) => bytes.subarray(segment.start, segment.end)),
    bytes.subarray(header.scanStart, end),
  ]);
}
