import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit tests: everything under src/ and tests/ except the end-to-end specs, which need the build.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'sandbox/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // One fake `browser` for every unit test, reset before each (src/shared/testing/fake-browser.ts).
    setupFiles: ['src/shared/testing/browser-setup.ts'],
    testTimeout: 20_000,
    // The worker serves the panel's stylesheet as text (panel.css?inline); its test reads it.
    css: { include: [/panel\.css/] },
  },
});
