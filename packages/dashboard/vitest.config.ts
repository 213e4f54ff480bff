import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // One copy of graphql: the ESM and CJS builds otherwise meet as two "realms".
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // userEvent typing in jsdom is slow on a busy 2-core machine; a test that hangs still fails.
    testTimeout: 30_000,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '../../.test-results/dashboard-unit.json' }]]
      : ['default'],
  },
});
