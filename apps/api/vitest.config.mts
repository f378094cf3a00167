import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// esbuild drops decorator metadata, which type-graphql and TypeORM read: compile tests with swc instead.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
      module: { type: 'es6' },
    }),
  ],
  resolve: {
    // one graphql instance: Node loads graphql's CJS build for type-graphql and Apollo, so the test
    // code must not get the .mjs build ("Cannot use GraphQLObjectType from another module or realm")
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // the suites share MariaDB and the CPU with other work: run files one after another
    fileParallelism: false,
  },
});
