import { isPaveClientError, PaveApiError } from '@pave/client/errors';
import { isCaptureErrorCode } from './capture-error-codes.js';
import type { CaptureText } from './en.js';

/**
 * A failure in the driver's language: the catalogue's words for the server's error `code` (a 409 on a closed session,
 * a 413 over the storage quota, a 429…), for a lost connection or a timeout; a 404 without a code is the invalid link;
 * anything else the catalogue's generic sentence. The server's `message` is English and never shown here.
 */
export function captureErrorText(text: CaptureText, error: unknown): string {
  if (!isPaveClientError(error)) return text.errors.generic;
  switch (error.kind) {
    case 'network':
      return text.networkError;
    case 'timeout':
      return text.errors.timeout;
    case 'invalid_response':
      return text.errors.generic;
    case 'api': {
      if (!(error instanceof PaveApiError)) return text.errors.generic;
      const code = error.body.code;
      if (code !== undefined && isCaptureErrorCode(code)) return text.errors.codes[code];
      return error.status === 404 ? text.linkInvalid : text.errors.generic;
    }
  }
}
