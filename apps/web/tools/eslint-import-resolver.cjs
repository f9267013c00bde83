// A minimal eslint-plugin-import resolver (interface v2) for this app's sources: relative imports are
// written NodeNext-style with a `.js` suffix but point at .ts/.tsx files, which the default node
// resolver cannot find (and import/no-restricted-paths silently skips what it cannot resolve).
const fs = require('node:fs');
const path = require('node:path');

const candidatesOf = (base) => {
  const stem = base.replace(/\.js$/, '');
  return [base, `${stem}.ts`, `${stem}.tsx`, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
};

module.exports = {
  interfaceVersion: 2,
  resolve(source, file) {
    if (!source.startsWith('.')) return { found: false };
    const base = path.resolve(path.dirname(file), source);
    const found = candidatesOf(base).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    return found ? { found: true, path: found } : { found: false };
  },
};
