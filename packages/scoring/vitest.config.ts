import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/__tests__/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: CI machines are shared, and the CLI and pack tests spawn Node processes.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '../../.test-results/scoring.json' }]]
      : ['default'],
  },
});
