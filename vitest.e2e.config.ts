import { defineConfig } from 'vitest/config';

// E2E: the built extension (.output/chrome-mv3) in Debian's Chromium through playwright-core.
// Run after `npm run build`. One file at a time: each launches its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    retry: process.env.CI ? 1 : 0,
  },
});
