import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Modules that may go into the `shared` chunk (see build.rolldownOptions below). The QA check rules are left out:
 * only chunks loaded on demand use them, and every page loads `shared`.
 */
const sharedModules =
  /libs[\\/]pave-(?!domain[\\/]src[\\/](qa-checks|lib[\\/]qa-measures)\.)|node_modules[\\/]zod[\\/]|apps[\\/]web[\\/]src[\\/](lib|components|config)[\\/]/;

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  resolve: { conditions: ['@pave/source', ...defaultClientConditions] },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: {
      '/v1': 'http://localhost:3000',
      '/images': 'http://localhost:3000',
      '/assets-api': 'http://localhost:3000',
    },
  },
  preview: { port: 4300, host: 'localhost' },
  plugins: [react()],
  build: {
    outDir: './dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    // the manifest lets scripts/check-bundle-budget.mjs follow the entry's static imports
    manifest: true,
    // no modulepreload polyfill in the entry: browsers without modulepreload (Safari < 17) load the chunks unpreloaded
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The libs, zod and the app's shared code that two or more chunks use go into one `shared` chunk rather
        // than a dozen tiny ones: each small file compresses on its own, so the split cost a review page ~4.5 kB gzip.
        codeSplitting: { groups: [{ name: 'shared', test: sharedModules, minShareCount: 2 }] },
      },
    },
  },
}));
