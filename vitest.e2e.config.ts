import { defineConfig } from 'vitest/config';

// End-to-end specs drive the production build in dist/ with Chromium; one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
