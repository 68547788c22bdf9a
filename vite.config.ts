import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.config.ts';

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The extension runs in current Chromium only; no legacy transforms.
    target: 'chrome120',
    sourcemap: false,
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
