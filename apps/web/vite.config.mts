import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

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
  // the manifest lets scripts/check-bundle-budget.mjs follow the entry's static imports
  build: { outDir: './dist', emptyOutDir: true, reportCompressedSize: true, manifest: true },
}));
