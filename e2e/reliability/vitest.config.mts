import { defineConfig } from 'vitest/config';

/**
 * npm run test:reliability — load, faults, input abuse and tamper evidence against the built API on a
 * PRIVATE MariaDB server (own datadir, port RELIABILITY_MARIADB_PORT, default 3409), all on loopback.
 * The machine's shared MariaDB (3306) is never restarted. The summary is printed by the global teardown.
 */
export default defineConfig({
  test: {
    include: ['reliability/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    globalSetup: ['reliability/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
