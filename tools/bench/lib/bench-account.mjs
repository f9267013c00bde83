// The account the benchmarks sign with, the API settings that create it, and creating a session as it.
import { signedHeaders } from './sign.mjs';

export const benchAccount = { username: 'bench', apiKey: 'bench-key-0001', apiSecret: 'bench-secret-0001' };

/** Settings of a benchmarked API: the bench account exists, nothing is rate limited or budgeted, only warnings are logged. */
export const benchApiEnv = {
  PAVE_BOOTSTRAP_ACCOUNTS: `${benchAccount.username}:${benchAccount.apiKey}:${benchAccount.apiSecret}`,
  PAVE_RATE_LIMIT_PER_MINUTE: '0',
  // a benchmark measures what requests cost, not the abuse budgets of the capture and image routes
  PAVE_CAPTURE_REQUESTS_PER_SESSION: '0',
  PAVE_CAPTURE_REQUESTS_PER_ADDRESS: '0',
  PAVE_IMAGE_REQUESTS_PER_ADDRESS: '0',
  LOG_LEVEL: 'warn',
};

/** Creates a session on the API at `baseUrl`; its session key. */
export async function createSession(baseUrl) {
  return (await createSessionWithLink(baseUrl)).session_key;
}

/** The `Capture-Token` header of a session's `capture_url` (`…/capture/<key>#<token>`). */
export function captureHeaders(captureUrl) {
  return { 'Capture-Token': new URL(captureUrl).hash.slice(1) };
}

/** Creates a session on the API at `baseUrl`; the session as answered (its key and capture_url). */
export async function createSessionWithLink(baseUrl) {
  const response = await fetch(`${baseUrl}/v1/sessions`, {
    method: 'POST',
    headers: { ...signedHeaders(benchAccount), 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`create session: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Creates a session and returns what the capture app would use: its key and the headers of its capture routes (a
 * `Capture-Token` when the session's `capture_url` carries one after `#`).
 */
export async function createCaptureSession(baseUrl) {
  const response = await fetch(`${baseUrl}/v1/sessions`, {
    method: 'POST',
    headers: { ...signedHeaders(benchAccount), 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`create session: ${response.status} ${await response.text()}`);
  const session = await response.json();
  const token = new URL(session.capture_url).hash.slice(1);
  return { key: session.session_key, headers: token ? { 'capture-token': token } : {} };
}
