import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { browserUse } from './playwright.shared';

// Run through `node e2e/run.mjs`, which starts the API and sets E2E_BASE_URL.
export default defineConfig({
  testDir: './specs',
  // Failure screenshots and traces; under node_modules so that no formatter or linter walks them.
  outputDir: '../node_modules/.cache/e2e-results',
  fullyParallel: false,
  workers: 1, // one shared database; the flow specs build on each other's data
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // CI sums every package's results into one closing line (.ci/summarize.mjs).
  reporter: process.env.CI
    ? [
        ['list'],
        [
          'json',
          { outputFile: path.resolve(process.cwd(), '../../.test-results/dashboard-e2e.json') },
        ],
      ]
    : [['list']],
  use: browserUse,
});
