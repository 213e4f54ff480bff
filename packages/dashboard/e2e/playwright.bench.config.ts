import { defineConfig } from '@playwright/test';
import { browserUse } from './playwright.shared';

export default defineConfig({
  testDir: './bench',
  testMatch: '**/*.bench.ts',
  // Failure screenshots and traces; under node_modules so that no formatter or linter walks them.
  outputDir: '../node_modules/.cache/e2e-results',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: browserUse,
});
