import { defineConfig } from '@playwright/test';

const webUrl = process.env.HUB_WEB_URL ?? 'http://localhost:4173';

/**
 * End-to-end tests of the console against the real backend: start it first (`npm start`, port 3000);
 * the built console is served by `vite preview`, which proxies /api and /socket.io to it.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.pw.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  metadata: { databaseName: process.env.DATABASE_NAME ?? 'hotline_hub' },
  use: {
    baseURL: webUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: process.env.HUB_WEB_URL
    ? undefined
    : {
        command: 'npx vite preview --config apps/web/vite.config.ts --port 4173 --strictPort',
        cwd: '../..',
        url: webUrl,
        reuseExistingServer: true,
        timeout: 30_000,
      },
});
