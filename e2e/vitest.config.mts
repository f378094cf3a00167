import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests: one product server and one Chromium for the whole run (global setup),
 * test files one after another (they share that server), a new browser context per test.
 */
export default defineConfig({
  test: {
    include: ['browser/**/*.test.ts'],
    globalSetup: ['browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
