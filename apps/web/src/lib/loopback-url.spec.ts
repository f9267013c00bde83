import { isLoopbackUrl, lanBaseUrlHint } from './loopback-url.js';

describe('isLoopbackUrl', () => {
  it.each([
    'http://localhost:3000/c/DEM-1#t',
    'http://127.0.0.1:3000/c/DEM-1',
    'http://127.1.2.3/c',
    'http://[::1]:3000/c',
    'http://app.localhost:3000/c',
    'http://0.0.0.0:3000/c',
  ])('takes %s for a link a phone cannot open', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([
    'http://192.168.1.20:3000/c/DEM-1',
    'https://inspect.example.com/c/DEM-1',
    'http://localhost.example/c',
    'not a url',
  ])('takes %s for a link a phone may open', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('lanBaseUrlHint', () => {
  it.each([
    ['http://localhost:3000/c/DEM-1#t', 'http://<lan-ip>:3000'],
    ['http://127.0.0.1:8080/c/DEM-1', 'http://<lan-ip>:8080'],
    ['https://localhost/c/DEM-1', 'https://<lan-ip>'],
    ['not a url', 'http://<lan-ip>'],
  ])('turns %s into %s', (url, hint) => {
    expect(lanBaseUrlHint(url)).toBe(hint);
  });
});
