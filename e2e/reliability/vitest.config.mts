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
    // generous: the tamper test runs the CLI eight times, each a new Node process that loads the API;
    // on a busy shared machine that alone passed two minutes (a limit, not a timing assertion)
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
