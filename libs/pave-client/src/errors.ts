// @pave/client/errors: what every client method rejects with (see README.md, "Errors"). No HTTP code in here.
export {
  PaveClientError,
  PaveApiError,
  PaveNotFoundError,
  PaveAuthError,
  PaveNetworkError,
  PaveTimeoutError,
  PaveResponseError,
  isPaveClientError,
} from './lib/pave-client-error.js';
export type { PaveClientErrorKind } from './lib/pave-client-error.js';
