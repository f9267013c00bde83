import fc from 'fast-check';
import { decodeBase64, encodeBase64, utf8Length } from './base64.js';

describe('base64', () => {
  it('encodes exactly as Node does, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = encodeBase64(bytes);
        return text === Buffer.from(bytes).toString('base64') && Buffer.from(decodeBase64(text) ?? []).equals(bytes);
      }),
    );
  });

  it.each(['abc', 'ab=c', 'a===', '!!!!'])('refuses %p', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it('counts UTF-8 bytes as Node does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === Buffer.byteLength(text)));
  });
});
