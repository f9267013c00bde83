// the names a phone resolves to itself, not to this computer
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** True when a URL's host is this machine's loopback (`localhost`, `127.x.x.x`, `::1`), which no phone can reach. */
export function isLoopbackUrl(url: string): boolean {
  const hostname = hostnameOf(url);
  return loopbackHosts.has(hostname) || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname);
}
