import { matchRoute, paths } from './paths.js';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/sessions/DEM-0123456789', { name: 'session', sessionKey: 'DEM-0123456789' }],
    ['/sessions/DEM-0123456789/', { name: 'session', sessionKey: 'DEM-0123456789' }],
    ['/capture/DEM-0123456789', { name: 'capture', sessionKey: 'DEM-0123456789' }],
    ['/integrations', { name: 'integrations' }],
    ['/sessions/', { name: 'not_found' }],
    ['/sessions/a/b', { name: 'not_found' }],
    ['/capture/%E0%A4%A', { name: 'not_found' }],
    ['/elsewhere', { name: 'not_found' }],
  ])('reads %s', (pathname, expected) => {
    expect(matchRoute(pathname)).toEqual(expected);
  });

  it('round-trips the paths it builds', () => {
    expect(matchRoute(paths.session('A B'))).toEqual({ name: 'session', sessionKey: 'A B' });
    expect(matchRoute(paths.capture('DEM-0123456789'))).toEqual({ name: 'capture', sessionKey: 'DEM-0123456789' });
  });
});
