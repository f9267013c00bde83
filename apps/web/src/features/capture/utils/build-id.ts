/** The id of a page without built assets (the dev server): its worker's cache is not tied to a build. */
export const devBuildId = 'dev';

/** The built, content-hashed files: a deploy that changes any of them changes their names. */
const isBuiltAsset = (pathname: string) => pathname.startsWith('/assets/');

/**
 * A short id of the build a page runs: a hash (FNV-1a, 32 bits) of the built asset paths its document loads (the
 * entry script, which names every lazily loaded chunk, and the stylesheets), in any order. The capture app's service
 * worker is registered under it, so each deploy installs a new worker with a cache of its own.
 */
export function buildIdOf(urls: readonly string[]): string {
  const paths = urls.map((url) => new URL(url, 'http://page.invalid').pathname).filter(isBuiltAsset);
  if (paths.length === 0) return devBuildId;
  let hash = 0x811c9dc5;
  for (const char of [...new Set(paths)].sort().join('\n')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The built assets the document itself names (its scripts, stylesheets and module preloads). */
export function documentAssetUrls(root: Document): string[] {
  const scripts = Array.from(root.querySelectorAll<HTMLScriptElement>('script[src]'), (script) => script.src);
  const links = Array.from(root.querySelectorAll<HTMLLinkElement>('link[href]'), (link) => link.href);
  return [...scripts, ...links];
}
