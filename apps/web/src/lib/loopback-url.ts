// the names a phone resolves to itself, not to this computer
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function hostnameOf(url: string): string {
  return parsed(url)?.hostname ?? '';
}

/**
 * What `PUBLIC_BASE_URL` should look like for a phone to reach the server that made `url`: its scheme and port, with
 * `<lan-ip>` for the host (`http://localhost:8080/c/…` → `http://<lan-ip>:8080`).
 */
export function lanBaseUrlHint(url: string): string {
  const found = parsed(url);
  if (!found) return 'http://<lan-ip>';
  return `${found.protocol}//<lan-ip>${found.port ? `:${found.port}` : ''}`;
}

/** True when a URL's host is this machine's loopback (`localhost`, `127.x.x.x`, `::1`), which no phone can reach. */
export function isLoopbackUrl(url: string): boolean {
  const hostname = hostnameOf(url);
  return loopbackHosts.has(hostname) || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname);
}
