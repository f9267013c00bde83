import type { ApiErrorBody } from '@pave/domain';
import type * as z from 'zod/mini';

/** The four kinds of failure; `switch (error.kind)` over them is exhaustive. */
export type PaveClientErrorKind = 'api' | 'network' | 'timeout' | 'invalid_response';

/**
 * Base class of every error thrown by @pave/client. Its `cause` is a sanitised copy of the underlying error
 * (name, message, code, stack): never the request, its headers, the token or the API secret.
 */
export abstract class PaveClientError extends Error {
  abstract readonly kind: PaveClientErrorKind;
}

/** The API answered with a non-2xx status; `message` is the server's own words. */
export class PaveApiError extends PaveClientError {
  override name = 'PaveApiError';
  readonly kind = 'api';
  readonly status: number;
  readonly body: ApiErrorBody;
  constructor(status: number, body: ApiErrorBody, options?: ErrorOptions) {
    super(body.message, options);
    this.status = status;
    this.body = body;
  }
}

/** The API answered 404: the session is unknown, or belongs to another account. */
export class PaveNotFoundError extends PaveApiError {
  override name = 'PaveNotFoundError';
}

/** The API answered 401 or 403: missing, wrong or expired credentials. */
export class PaveAuthError extends PaveApiError {
  override name = 'PaveAuthError';
}

/** No response arrived: connection refused or reset, DNS failure, offline. */
export class PaveNetworkError extends PaveClientError {
  override name = 'PaveNetworkError';
  readonly kind = 'network';
}

/** The last attempt got no complete response within `timeoutMs`. */
export class PaveTimeoutError extends PaveClientError {
  override name = 'PaveTimeoutError';
  readonly kind = 'timeout';
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number, options?: ErrorOptions) {
    super(message, options);
    this.timeoutMs = timeoutMs;
  }
}

/** A 2xx body that is not JSON or fails its `@pave/domain` schema; `issues` says where. */
export class PaveResponseError extends PaveClientError {
  override name = 'PaveResponseError';
  readonly kind = 'invalid_response';
  readonly status: number;
  readonly issues: readonly z.core.$ZodIssue[];
  constructor(
    message: string,
    details: { status: number; issues: readonly z.core.$ZodIssue[] },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = details.status;
    this.issues = details.issues;
  }
}

/** Narrows an unknown error to a {@link PaveClientError}. */
export function isPaveClientError(error: unknown): error is PaveClientError {
  return error instanceof PaveClientError;
}

/** The error for a non-2xx answer: {@link PaveNotFoundError}, {@link PaveAuthError} or a plain {@link PaveApiError}. */
export function createApiError(status: number, body: ApiErrorBody, options?: ErrorOptions): PaveApiError {
  if (status === 404) return new PaveNotFoundError(status, body, options);
  if (status === 401 || status === 403) return new PaveAuthError(status, body, options);
  return new PaveApiError(status, body, options);
}
