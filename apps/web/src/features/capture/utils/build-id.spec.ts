import { buildIdOf, devBuildId, documentAssetUrls } from './build-id.js';

describe('buildIdOf', () => {
  const build = ['https://x.test/assets/index-Ab12.js', 'https://x.test/assets/index-Cd34.css'];

  it('names a build by its hashed assets, in any order, whatever the origin', () => {
    expect(buildIdOf(build)).toMatch(/^[0-9a-z]{1,7}$/);
    expect(buildIdOf([...build].reverse())).toBe(buildIdOf(build));
    expect(buildIdOf(['/assets/index-Ab12.js', '/assets/index-Cd34.css'])).toBe(buildIdOf(build));
  });

  it('gives another deploy (another asset name) another id', () => {
    expect(buildIdOf(['https://x.test/assets/index-Zz99.js', build[1] ?? ''])).not.toBe(buildIdOf(build));
  });

  it('ignores files outside /assets/, and calls a page without built assets the dev build', () => {
    expect(buildIdOf([...build, 'https://x.test/favicon.ico'])).toBe(buildIdOf(build));
    expect(buildIdOf(['http://localhost:4200/src/main.tsx'])).toBe(devBuildId);
  });
});

describe('documentAssetUrls', () => {
  it("lists the document's scripts and links", () => {
    const page = document.implementation.createHTMLDocument('t');
    page.head.innerHTML =
      '<script type="module" src="/assets/index-Ab12.js"></script><link rel="stylesheet" href="/assets/index-Cd34.css">';

    expect(documentAssetUrls(page).map((url) => new URL(url, 'http://x.test').pathname)).toEqual([
      '/assets/index-Ab12.js',
      '/assets/index-Cd34.css',
    ]);
  });
});
