import { crc32 } from 'node:zlib';

/** One file read back from a ZIP archive. */
export type UnzippedFile = { readonly name: string; readonly bytes: Buffer; readonly modified: Date };

function dosDate(date: number, time: number): Date {
  return new Date(
    Date.UTC(
      1980 + (date >> 9),
      ((date >> 5) & 0xf) - 1,
      date & 0x1f,
      time >> 11,
      (time >> 5) & 0x3f,
      (time & 0x1f) * 2,
    ),
  );
}

/**
 * Reads a whole ZIP archive as an unzipper does: the end record, then the central directory, then each entry's
 * local header and bytes. Throws on anything a tool would refuse: a missing record, headers that disagree, a
 * compressed entry (the archives under test store their JPEGs), a CRC that does not match.
 */
export function readZip(archive: Buffer): UnzippedFile[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > archive.length) throw new Error('no end-of-central-directory record');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  if (at + archive.readUInt32LE(end + 12) !== end)
    throw new Error('the central directory does not end at the end record');
  const files: UnzippedFile[] = [];
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`central entry ${index}: bad signature`);
    const [method, time, date] = [
      archive.readUInt16LE(at + 10),
      archive.readUInt16LE(at + 12),
      archive.readUInt16LE(at + 14),
    ];
    const [crc, size, nameLength] = [
      archive.readUInt32LE(at + 16),
      archive.readUInt32LE(at + 24),
      archive.readUInt16LE(at + 28),
    ];
    const extraAndComment = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = archive.readUInt32LE(at + 42);
    if (method !== 0) throw new Error(`${name}: compression method ${method}, expected stored`);
    if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header signature`);
    const localName = archive.subarray(local + 30, local + 30 + archive.readUInt16LE(local + 26)).toString('utf8');
    if (localName !== name || archive.readUInt32LE(local + 14) !== crc) throw new Error(`${name}: headers disagree`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const bytes = archive.subarray(start, start + size);
    if (bytes.length !== size || crc32(bytes) !== crc) throw new Error(`${name}: CRC or size mismatch`);
    files.push({ name, bytes: Buffer.from(bytes), modified: dosDate(date, time) });
    at += 46 + nameLength + extraAndComment;
  }
  return files;
}
