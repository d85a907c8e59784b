import { defineConfig } from '@playwright/test';

// scripts/run-e2e.mjs finds the browser and sets E2E_CHROMIUM_PATH when Playwright's own is absent.
const executablePath = process.env.E2E_CHROMIUM_PATH || undefined;
// scripts/run-e2e.mjs picks a free port; 4173 is vite preview's own default.
const port = Number(process.env.E2E_PORT ?? 4173);
// scripts/run-e2e.mjs builds into E2E_OUT_DIR (dist by default).
const outDir = process.env.E2E_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: outDir === 'dist' ? 'test-results' : `${outDir}-results`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node_modules/.bin/vite preview --host 127.0.0.1 --strictPort --port ${port} --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
