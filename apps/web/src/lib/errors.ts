import { isPaveClientError, PaveApiError } from '@pave/client/errors';

/** What the UI needs to know about a failure. */
export type ErrorSummary = {
  /** A sentence to show. */
  message: string;
  /** Trying again may help (network, timeout, 5xx). */
  retryable: boolean;
  /** The API said 404. */
  notFound: boolean;
  /** The API refused the credentials (401). */
  unauthorized: boolean;
};

const genericMessage = 'Something went wrong. Please try again.';

function summarizeApiError(error: PaveApiError): ErrorSummary {
  return {
    message: error.body.message || genericMessage,
    retryable: error.status >= 500,
    notFound: error.status === 404,
    unauthorized: error.status === 401,
  };
}

/** Turns anything thrown into a message and flags, narrowing client errors by kind. */
export function summarizeError(error: unknown): ErrorSummary {
  const base = { retryable: false, notFound: false, unauthorized: false };
  if (!isPaveClientError(error)) return { ...base, message: genericMessage };
  switch (error.kind) {
    case 'network':
      return { ...base, retryable: true, message: 'Cannot reach the server. Check your connection and try again.' };
    case 'timeout':
      return { ...base, retryable: true, message: 'The server took too long to answer. Please try again.' };
    case 'invalid_response':
      return { ...base, message: 'The server sent an answer this page cannot read.' };
    case 'api':
      return error instanceof PaveApiError ? summarizeApiError(error) : { ...base, message: genericMessage };
  }
}
