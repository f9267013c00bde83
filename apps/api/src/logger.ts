import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

// Belt and braces: nothing logs headers or accounts, but if a field like these ever slips in, it is censored.
const redactPaths = [
  'apiSecret',
  'api_secret',
  'apiToken',
  'token',
  'secret',
  'headers["api-token"]',
  'headers["api-key"]',
  'req.headers["api-token"]',
  'req.headers["api-key"]',
  'headers["capture-token"]',
  'req.headers["capture-token"]',
  'captureToken',
  'capture_url',
  'account.apiSecret',
];

/** A JSON logger (pino) at a level, writing to stdout or to a given stream (tests). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { service: 'pave-api' } };
  return destination ? pino(options, destination) : pino(options);
}
