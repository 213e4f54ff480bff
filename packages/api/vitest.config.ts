import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One copy of graphql for type-graphql, Apollo and the tests (STACK.md trap 6).
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One real PostgreSQL cluster per run, a fresh database per test file (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores on CI: two workers keep PostgreSQL and the tests both busy without thrashing.
    maxWorkers: 2,
    // CI sums every package's results into one closing line (.ci/summarize.mjs).
    reporters: process.env.CI
      ? [
          'default',
          [
            'json',
            {
              outputFile: `../../.test-results/api${process.env.TEST_DATABASE_POOLER ? '-pgbouncer' : ''}.json`,
            },
          ],
        ]
      : ['default'],
  },
});
