import type { PlaywrightTestConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded one; flags keep it quiet on a closed network. */
export const browserUse: PlaywrightTestConfig['use'] = {
  baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4000',
  browserName: 'chromium',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  trace: 'off',
  screenshot: 'only-on-failure',
};
