import { PaveApiError, PaveNetworkError } from '@pave/client';
import type { ApiErrorBody } from '@pave/domain';
import { captureErrorText } from './capture-error-text.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

const refusal = (status: number, body: ApiErrorBody) => new PaveApiError(status, body);

describe('captureErrorText', () => {
  it.each([
    [409, 'attempts_exhausted', fr.errors.codes.attempts_exhausted],
    [413, 'storage_quota_exceeded', fr.errors.codes.storage_quota_exceeded],
    [429, 'rate_limited', fr.errors.codes.rate_limited],
    [408, 'request_timeout', fr.errors.codes.request_timeout],
    [409, 'session_closed', fr.errors.codes.session_closed],
    [422, 'unprocessable_image', fr.errors.codes.unprocessable_image],
  ] as const)("words a %i %s in the driver's language, not the server's English", (status, code, expected) => {
    expect(
      captureErrorText(fr, refusal(status, { message: 'Session DEM-1 is EXPIRED: it takes no more photos.', code })),
    ).toBe(expected);
  });

  it('falls back to the generic sentence in the language for a code the app does not explain', () => {
    expect(captureErrorText(es, refusal(403, { message: 'Forbidden for viewer.', code: 'forbidden' }))).toBe(
      es.errors.generic,
    );
    expect(captureErrorText(fr, refusal(400, { message: 'Bad request.' }))).toBe(fr.errors.generic);
  });

  it("calls a 404 without a code (PAVE's style) an invalid link", () => {
    expect(captureErrorText(en, refusal(404, { message: 'Session X cannot be found.' }))).toBe(en.linkInvalid);
  });

  it('says the connection is down for a network failure, and the generic sentence for anything else', () => {
    expect(captureErrorText(es, new PaveNetworkError('fetch failed'))).toBe(es.networkError);
    expect(captureErrorText(fr, new Error('boom'))).toBe(fr.errors.generic);
  });
});
