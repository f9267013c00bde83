import { randomBytes } from 'node:crypto';
import { createSecretBox, toSecretKey } from './secret-box.js';

describe('createSecretBox', () => {
  const oldKey = toSecretKey(randomBytes(32));
  const newKey = toSecretKey(randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the plain text', () => {
    const box = createSecretBox([newKey]);
    const sealed = box.seal('s3cret-value');
    expect(sealed).not.toContain('s3cret');
    expect(sealed.startsWith(`pave1:${newKey.id}:`)).toBe(true);
    expect(box.open(sealed)).toBe('s3cret-value');
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    const box = createSecretBox([newKey]);
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('still opens values sealed with an older key after a rotation, and calls them stale', () => {
    const sealed = createSecretBox([oldKey]).seal('kept');
    const rotated = createSecretBox([newKey, oldKey]);
    expect(rotated.open(sealed)).toBe('kept');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal('kept'))).toBe(false);
  });

  it.each([
    ['an unknown key', () => createSecretBox([oldKey]).seal('x')],
    ['a flipped byte', () => tamper(createSecretBox([newKey]).seal('value'))],
    ['garbage', () => 'not-sealed'],
    ['a short body', () => `pave1:${newKey.id}:AAAAAAAAAAAAAAAA:AA`],
  ])('refuses %s with null', (_name, make) => {
    expect(createSecretBox([newKey]).open(make())).toBeNull();
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => toSecretKey(randomBytes(16))).toThrow(/32 bytes/);
  });
});

function tamper(sealed: string): string {
  const parts = sealed.split(':');
  const body = Buffer.from(parts[3] ?? '', 'base64url');
  body[0] = (body[0] ?? 0) ^ 1;
  parts[3] = body.toString('base64url');
  return parts.join(':');
}
