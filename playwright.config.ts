import { defineConfig } from '@playwright/test'

// Debian's Chromium (apt-get install chromium); `npx playwright install` cannot download browsers here.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  // Its own folder: Playwright empties outputDir on start, and test-results/ also holds the other runners' reports.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL: 'http://127.0.0.1:4173/',
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
    command: 'npm run preview',
    url: 'http://127.0.0.1:4173/',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
