// The dashboard's build (`npm run build` runs it through scripts/build-web.js) and dev server
// (`npx vite --config apps/web/vite.config.mjs`, proxying the API to a running gateway).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  publicDir: here('public'),
  resolve: { alias: { '@clipyard/client': here('../../libs/client/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // No inline script anywhere (the CSP forbids it) and no polyfill the targets do not need.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/v1': gateway, '/docs': gateway, '/health': gateway } },
});
