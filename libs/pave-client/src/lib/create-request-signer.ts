import { authHeaderNames, formatApiTimestamp, tokenMessage } from '@pave/domain';

/** An account's credentials and the clock that stamps each request. */
export type SignerCredentials = {
  readonly username: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly now: () => Date;
};

/** The three auth headers of one request, keyed by their wire names. */
export type SignedHeaders = Readonly<Record<(typeof authHeaderNames)[keyof typeof authHeaderNames], string>>;

/** Produces a fresh set of auth headers on every call (a retry gets a new timestamp and token). */
export type RequestSigner = () => Promise<SignedHeaders>;

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) {
    throw new Error('@pave/client needs WebCrypto (crypto.subtle): Node 20+, or a browser page served over https.');
  }
  return subtle;
}

/**
 * Signs requests as PAVE documents: `API-Token` is the lowercase hex HMAC-SHA256, keyed with the API secret,
 * of `<username>:<api_key>@<API-Timestamp>`. WebCrypto only, so it runs in Node and browsers; the imported
 * key is cached (non-extractable).
 */
export function createRequestSigner(credentials: SignerCredentials): RequestSigner {
  let key: Promise<CryptoKey> | undefined;
  const importKey = (): Promise<CryptoKey> => {
    key ??= subtleCrypto().importKey(
      'raw',
      encoder.encode(credentials.apiSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return key;
  };
  return async () => {
    const timestamp = formatApiTimestamp(credentials.now());
    const message = tokenMessage(credentials.username, credentials.apiKey, timestamp);
    const signature = await subtleCrypto().sign('HMAC', await importKey(), encoder.encode(message));
    return {
      [authHeaderNames.apiKey]: credentials.apiKey,
      [authHeaderNames.token]: toHex(signature),
      [authHeaderNames.timestamp]: timestamp,
    };
  };
}
