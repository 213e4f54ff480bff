import { defineConfig } from '@playwright/test';
import { browserUse } from './playwright.shared';

export default defineConfig({
  testDir: './bench',
  testMatch: '**/*.bench.ts',
  outputDir: './test-results',
  workers: 1,
  retries: 0,
  timeout: 300_000,
  reporter: [['list']],
  use: browserUse,
});
