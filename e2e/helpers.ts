import { expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'

/** Collects console errors and page errors; call `expectNoErrors()` at the end of a test. */
export function watchErrors(page: Page): { errors: string[]; expectNoErrors: () => void } {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`))
  return { errors, expectNoErrors: () => expect(errors).toEqual([]) }
}

/** Saves a screenshot into artifacts/screenshots (kept as evidence of what the user saw). */
export async function keepScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync('artifacts/screenshots', { recursive: true })
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage })
}
