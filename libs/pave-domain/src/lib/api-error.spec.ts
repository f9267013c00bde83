import {
  ApiErrorCode,
  apiErrorStatus,
  confirmRefusedMessage,
  invalidCursorMessage,
  sessionClosedMessage,
  sessionNotFoundMessage,
  skipErrorMessage,
} from './api-error.js';

describe('apiErrorStatus', () => {
  it('maps every error code to a 4xx or 5xx status', () => {
    const statuses = ApiErrorCode.options.map((code) => apiErrorStatus[code]);
    expect(statuses.filter((status) => status < 400 || status > 599)).toEqual([]);
  });

  it.each([
    ['not_found', 404],
    ['unauthorized', 401],
    ['session_started', 400],
    ['not_skippable', 400],
    ['session_closed', 409],
    ['invalid_manual_value', 422],
    ['request_timeout', 408],
    ['headers_too_large', 431],
  ] as const)('answers %s with %i', (code, status) => {
    expect(apiErrorStatus[code]).toBe(status);
  });
});

describe('messages', () => {
  it('names the session and its status when it takes no more photos', () => {
    expect(sessionClosedMessage('DEM-0123456789', 'EXPIRED')).toBe(
      'Session DEM-0123456789 is EXPIRED: it takes no more photos.',
    );
  });

  it.each([
    ['PROCESS', 'Session DEM-0123456789 cannot be confirmed while PROCESS: its capture is not complete yet.'],
    ['COMPLETE', 'Session DEM-0123456789 cannot be confirmed while COMPLETE: it is closed.'],
  ] as const)('says why a %s session cannot be confirmed', (status, message) => {
    expect(confirmRefusedMessage('DEM-0123456789', status)).toBe(message);
  });

  it('says a list cursor is not one the API gave out', () => {
    expect(invalidCursorMessage()).toBe('Invalid query: cursor is not one this API gave out.');
  });

  it('keeps PAVE not-found text and names what a skip still misses', () => {
    expect(sessionNotFoundMessage('DEM-0123456789')).toBe('Session DEM-0123456789 cannot be found.');
    expect(skipErrorMessage({ code: 'needed_images_missing', missing: [1, 9] })).toBe(
      'Cannot skip yet: VIN, Windshield must be accepted first.',
    );
  });
});
