import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** One AES-256 key and its id (the first 8 hex digits of its SHA-256, so the id is never chosen by hand). */
export type SecretKey = { readonly id: string; readonly key: Buffer };

/**
 * Encrypts short secrets at rest (API secrets, capture tokens, webhook signing secrets) with AES-256-GCM.
 * A sealed value names the key it was sealed with, so older keys can still open what they sealed after a rotation.
 */
export type SecretBox = {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  /** `pave1:<key id>:<iv>:<ciphertext and tag>` (base64url parts). */
  seal(plain: string): string;
  /** The plain text, or null when the value is not sealed by one of this box's keys or was tampered with. */
  open(sealed: string): string | null;
  /** Whether a sealed value was sealed with an older key (worth sealing again). */
  isStale(sealed: string): boolean;
  /** Whether one of this box's keys sealed the value (going by the key id it names; the value may still be tampered). */
  holdsKeyOf(sealed: string): boolean;
};

const prefix = 'pave1';
const ivBytes = 12;
const tagBytes = 16;

/** A key from its 32 bytes; throws for any other length (a broken invariant of the caller). */
export function toSecretKey(key: Buffer): SecretKey {
  if (key.length !== 32) throw new Error('invariant: an AES-256 key is 32 bytes');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/** A box sealing with `keys[0]` and opening with any of `keys` (the current key first, then older ones). */
export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new Error('invariant: a secret box has at least one key');
  const byId = new Map(keys.map((entry) => [entry.id, entry.key]));
  const open = (sealed: string): string | null => {
    const [tag, keyId = '', iv = '', body = '', ...rest] = sealed.split(':');
    const key = byId.get(keyId);
    if (tag !== prefix || !key || rest.length > 0) return null;
    const ivBuffer = Buffer.from(iv, 'base64url');
    const bodyBuffer = Buffer.from(body, 'base64url');
    if (ivBuffer.length !== ivBytes || bodyBuffer.length < tagBytes) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBuffer);
      decipher.setAuthTag(bodyBuffer.subarray(bodyBuffer.length - tagBytes));
      const plain = Buffer.concat([
        decipher.update(bodyBuffer.subarray(0, bodyBuffer.length - tagBytes)),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      return null;
    }
  };
  return {
    keyId: current.id,
    seal(plain) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [prefix, current.id, iv.toString('base64url'), body.toString('base64url')].join(':');
    },
    open,
    isStale: (sealed) => sealed.split(':')[1] !== current.id,
    holdsKeyOf: (sealed) => byId.has(sealed.split(':')[1] ?? ''),
  };
}

/** The id of the key a sealed value names (`pave1:<key id>:…`); null for a value that is not sealed. */
export function sealingKeyIdOf(sealed: string): string | null {
  const [tag, keyId] = sealed.split(':');
  return tag === prefix && keyId ? keyId : null;
}

/** A box with a fresh random key: for tests and tools that keep nothing. */
export function createEphemeralSecretBox(): SecretBox {
  return createSecretBox([toSecretKey(randomBytes(32))]);
}
