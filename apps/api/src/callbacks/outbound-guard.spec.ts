import { isBlockedAddress, literalHostRefusal } from './outbound-guard.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:10.1.2.3',
    'not an address',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it('refuses a literal private host unless private addresses are allowed', () => {
    expect(literalHostRefusal(new URL('http://[::1]:8080/x'), false)?.message).toMatch(/^::1 resolves to ::1/);
    expect(literalHostRefusal(new URL('http://[::1]:8080/x'), true)).toBeNull();
    expect(literalHostRefusal(new URL('https://hooks.example.com/x'), false)).toBeNull();
  });
});
