import { sniffImageFormat } from './sniff-image-format.js';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

const ftyp = (...brands: string[]): Buffer => {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(16 + 4 * (brands.length - 1));
  const [major = '', ...compatible] = brands;
  return bytes(size, 'ftyp', major, [0, 0, 0, 0], compatible.join(''), 'rest-of-file');
};

describe('sniffImageFormat', () => {
  it.each([
    ['a JPEG SOI marker', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'jpeg'],
    ['the PNG signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'png'],
    ['a RIFF WEBP header', bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['an ftyp box with major brand avif', ftyp('avif', 'mif1', 'miaf'), 'avif'],
    ['an ftyp box listing avif as compatible', ftyp('mif1', 'miaf', 'avif'), 'avif'],
    ['an AVIF image sequence (avis)', ftyp('avis', 'msf1'), 'avif'],
  ])('recognises %s', (_name, input, expected) => {
    expect(sniffImageFormat(input)).toBe(expected);
  });

  it.each([
    ['empty input', Buffer.alloc(0)],
    ['text', bytes('hello.jpg is not an image')],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['a HEIC photo (HEVC, not AVIF)', ftyp('heic', 'mif1', 'heic')],
    ['a RIFF WAVE file', bytes('RIFF', [0x10, 0, 0, 0], 'WAVEfmt ')],
    ['half a JPEG marker', bytes([0xff, 0xd8])],
    ['a PNG signature with one byte wrong', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
  ])('returns null for %s', (_name, input) => {
    expect(sniffImageFormat(input)).toBeNull();
  });

  it('only reads brands inside the ftyp box', () => {
    const box = ftyp('mif1', 'miaf');
    const avifAfterTheBox = bytes(box.subarray(0, 20), 'avif');

    expect(sniffImageFormat(avifAfterTheBox)).toBeNull();
  });
});
