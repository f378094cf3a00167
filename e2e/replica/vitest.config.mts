import { defineConfig } from 'vitest/config';

/** the read-replica test only (npm run test:replica): starts two private MariaDB servers */
export default defineConfig({
  test: {
    include: ['replica/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
