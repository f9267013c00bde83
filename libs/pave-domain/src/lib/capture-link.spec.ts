import {
  buildCaptureUrl,
  CaptureToken,
  captureUrlWithoutToken,
  captureUrlWithToken,
  parseCaptureUrl,
} from './capture-link.js';
import { SessionKey } from './session.js';

const key = SessionKey.parse('DEM-0123456789');
const token = CaptureToken.parse('A'.repeat(43));

describe('buildCaptureUrl and parseCaptureUrl', () => {
  it('puts the token in the fragment, and reads the link back', () => {
    const url = buildCaptureUrl('https://pave.example.com', key, token);
    expect(url).toBe(`https://pave.example.com/capture/DEM-0123456789#${token}`);
    expect(parseCaptureUrl(url)).toEqual({ apiBaseUrl: 'https://pave.example.com', sessionKey: key, token });
  });

  it('keeps a base path in the API base URL', () => {
    const url = buildCaptureUrl('https://example.com/pave', key, token);
    expect(parseCaptureUrl(url)?.apiBaseUrl).toBe('https://example.com/pave');
  });

  it.each([
    ['no token', 'https://x.test/capture/DEM-0123456789'],
    ['a short token', 'https://x.test/capture/DEM-0123456789#abc'],
    ['no capture path', `https://x.test/sessions/DEM-0123456789#${'A'.repeat(43)}`],
    ['a malformed key', `https://x.test/capture/nope#${'A'.repeat(43)}`],
    ['not a URL', 'capture/DEM-0123456789'],
    ['another scheme', `ftp://x.test/capture/DEM-0123456789#${'A'.repeat(43)}`],
  ])('refuses a link with %s', (_name, url) => {
    expect(parseCaptureUrl(url)).toBeNull();
  });
});

describe('captureUrlWithoutToken and captureUrlWithToken', () => {
  const url = buildCaptureUrl('https://pave.example.com', key, token);
  const bare = 'https://pave.example.com/capture/DEM-0123456789';

  it('cuts the token (the fragment) off a link, and leaves a link without one as it is', () => {
    expect([captureUrlWithoutToken(url), captureUrlWithoutToken(bare)]).toEqual([bare, bare]);
  });

  it('puts a token back as the fragment, replacing any there was', () => {
    expect(captureUrlWithToken(bare, token)).toBe(url);
    expect(captureUrlWithToken(`${bare}#old`, token)).toBe(url);
    expect(parseCaptureUrl(captureUrlWithToken(bare, token))?.token).toBe(token);
  });
});
