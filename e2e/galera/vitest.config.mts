import { defineConfig } from 'vitest/config';

/**
 * npm run test:galera — the API on a private three-node MariaDB Galera cluster (galera/cluster.ts):
 * one instance per node, concurrent writes through all three, sign-off and publication races, a node
 * killed and rejoining by IST, then one audit chain identical on every node. Skipped (loudly) where
 * galera-4 is not installed; REQUIRE_GALERA=1 makes that a failure.
 */
export default defineConfig({
  test: {
    include: ['galera/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    globalSetup: ['galera/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
