import { isIPv6 } from 'node:net';

/**
 * The budget key of a client address: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber's
 * network: a host picks any address in it, so counting single addresses would count nothing). An IPv4 address
 * mapped into IPv6 (`::ffff:1.2.3.4`) is its IPv4 address.
 */
export function clientAddressKey(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(remoteAddress);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(remoteAddress)) return remoteAddress;
  const [head = '', tail = ''] = remoteAddress.toLowerCase().split('%')[0]?.split('::') ?? [];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = remoteAddress.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
