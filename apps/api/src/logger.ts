import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Fields that carry a secret wherever they are: an API secret or token, a capture token, a capture link. */
const secretFields = ['apiSecret', 'api_secret', 'apiToken', 'token', 'secret', 'captureToken', 'capture_url'];

// Belt and braces: nothing logs headers, accounts, sessions or event bodies, but if a field like these ever slips
// in, at the top of an entry or up to two objects down (a session, an event's payload), it is censored.
const redactPaths = [
  ...secretFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  'headers["api-token"]',
  'headers["api-key"]',
  'req.headers["api-token"]',
  'req.headers["api-key"]',
  'headers["capture-token"]',
  'req.headers["capture-token"]',
];

/** A JSON logger (pino) at a level, writing to stdout or to a given stream (tests). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { service: 'pave-api' } };
  return destination ? pino(options, destination) : pino(options);
}
