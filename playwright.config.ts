import { defineConfig } from '@playwright/test'

// Debian's Chromium (apt-get install chromium); `npx playwright install` cannot download browsers here.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium'
// E2E_PORT and E2E_DIST let several builds be served side by side (defaults: the README's preview of dist/).
const port = Number(process.env.E2E_PORT || 4173)
const dist = process.env.E2E_DIST || 'dist'

export default defineConfig({
  testDir: 'e2e',
  // Its own folder: Playwright empties outputDir on start, and test-results/ also holds the other runners' reports.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  // How long a web-first assertion waits for the page to get there (a first grid, a lazy chunk): a loaded CI
  // machine can take longer than the 5 s default. No assertion measures speed.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
