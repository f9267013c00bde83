import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';

/** One file of a ZIP archive: its name inside, its bytes and when it was last changed. */
export type ZipEntry = { readonly name: string; readonly bytes: Buffer; readonly modified: Date };

/** What {@link writeZip} wrote. */
export type ZipSummary = { readonly files: number; readonly bytes: number };

type Written = { readonly name: Buffer; readonly crc: number; readonly size: number; readonly offset: number };

// ZIP (APPNOTE 6.3) with stored entries: photos are JPEGs already, so deflating them would cost CPU for nothing.
// Sizes stay under 4 GiB per archive here (a session holds tens of photos), so no ZIP64 records are needed.
const maxArchiveBytes = 0xffff_ffff;
const utf8Flag = 0x0800;

/** MS-DOS date and time (local fields, 2-second precision), as ZIP headers hold them. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function localHeader(name: Buffer, crc: number, size: number, modified: Date): Buffer {
  const header = Buffer.alloc(30);
  const { time, date } = dosDateTime(modified);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(utf8Flag, 6);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralEntry(file: Written, modified: Date): Buffer {
  const header = Buffer.alloc(46);
  const { time, date } = dosDateTime(modified);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(utf8Flag, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(date, 14);
  header.writeUInt32LE(file.crc, 16);
  header.writeUInt32LE(file.size, 20);
  header.writeUInt32LE(file.size, 24);
  header.writeUInt16LE(file.name.length, 28);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
  header.writeUInt32LE(file.offset, 42);
  return Buffer.concat([header, file.name]);
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

/** Writes `chunk`, waiting for `out` to drain when its buffer is full; false when `out` was closed meanwhile. */
async function send(out: Writable, chunk: Buffer): Promise<boolean> {
  if (out.destroyed) return false;
  if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  return !out.destroyed;
}

/**
 * Writes a ZIP archive of `entries` to `out` as they come, one entry's bytes in memory at a time, and ends `out`.
 * Stops early (without ending `out`) when `out` is closed by the reader. Throws, with `out` left unended, past
 * 65 535 files or 4 GiB, which one session's photos never reach.
 */
export async function writeZip(out: Writable, entries: AsyncIterable<ZipEntry>): Promise<ZipSummary> {
  const written: { file: Written; modified: Date }[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const file = { name, crc: crc32(entry.bytes), size: entry.bytes.length, offset };
    const header = localHeader(name, file.crc, file.size, entry.modified);
    if (written.length === 0xffff || offset + header.length + file.size > maxArchiveBytes) {
      throw new Error('invariant: a photo archive stays under 65535 files and 4 GiB');
    }
    if (!(await send(out, header)) || !(await send(out, entry.bytes))) return { files: written.length, bytes: offset };
    offset += header.length + file.size;
    written.push({ file, modified: entry.modified });
  }
  const directory = Buffer.concat(written.map(({ file, modified }) => centralEntry(file, modified)));
  if (await send(out, Buffer.concat([directory, endOfDirectory(written.length, directory.length, offset)]))) out.end();
  return { files: written.length, bytes: offset + directory.length + 22 };
}
