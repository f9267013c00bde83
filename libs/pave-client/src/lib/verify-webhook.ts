import {
  checkWebhookHeaders,
  parseWebhookSecret,
  webhookSignedContent,
  WebhookEventBody,
  type Result,
  type WebhookVerifyError,
} from '@pave/domain';

/** Options of {@link verifyWebhook}: the receiver's clock and the allowed skew (300 s by default). */
export type VerifyWebhookOptions = { readonly now?: Date; readonly toleranceSeconds?: number };

/** Headers as a receiver has them: a fetch `Headers`, or a plain object (Node's `req.headers`). */
export type WebhookHeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

const encoder = new TextEncoder();

function plainHeaders(headers: WebhookHeadersInput): Record<string, string | undefined> {
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    const plain: Record<string, string> = {};
    (headers as Headers).forEach((value, name) => (plain[name] = value));
    return plain;
  }
  return Object.fromEntries(
    Object.entries(headers as Record<string, string | readonly string[] | undefined>).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value as string | undefined),
    ]),
  );
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/** Compares in time that does not depend on where two signatures first differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

async function signatureOf(key: Uint8Array, content: string): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey(
    'raw',
    new Uint8Array(key).buffer as ArrayBuffer,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toBase64(await subtle.sign('HMAC', cryptoKey, encoder.encode(content)));
}

/**
 * Verifies a delivery per Standard Webhooks (`webhook-id`, `webhook-timestamp` within the tolerance, a `v1`
 * signature made with `secret`, `whsec_…`) and parses its body as one of the events. Pass the body exactly as
 * received, before any JSON parsing. Uses WebCrypto, so it runs in Node 20+ and browsers; never throws for bad
 * input: the refusal comes back as a typed error (`webhookVerifyMessage` words it).
 */
export async function verifyWebhook(
  rawBody: string,
  headers: WebhookHeadersInput,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<Result<WebhookEventBody, WebhookVerifyError>> {
  const checked = checkWebhookHeaders(plainHeaders(headers), options.now ?? new Date(), options.toleranceSeconds);
  if (!checked.ok) return checked;
  const key = parseWebhookSecret(secret);
  if (!key) return { ok: false, error: { code: 'invalid_secret' } };
  const { id, timestampSeconds, signatures } = checked.value;
  const expected = await signatureOf(key, webhookSignedContent(id, timestampSeconds, rawBody));
  if (!signatures.some((signature) => sameText(signature, expected))) {
    return { ok: false, error: { code: 'invalid_signature' } };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, error: { code: 'invalid_body', issues: ['not JSON'] } };
  }
  const parsed = WebhookEventBody.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return { ok: false, error: { code: 'invalid_body', issues } };
  }
  return { ok: true, value: parsed.data };
}
