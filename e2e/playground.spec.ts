import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

/** A fingerprint of the surface canvas's pixels (changes when anything is drawn differently). */
async function canvasHash(page: Page): Promise<string> {
  const shot = await page.getByTestId('surface-panel').screenshot()
  let h = 0
  for (let i = 0; i < shot.length; i += 7) h = (h * 31 + shot[i]!) | 0
  return `${shot.length}:${h}`
}

const startOf = async (page: Page) =>
  (await page.getByTestId('surface-panel').getAttribute('data-start'))!.split(',').map(Number)

test('the first screen loads without console errors and animates a trajectory computed in the worker', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=en')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  const first = await canvasHash(page)
  await expect
    .poll(async () => Number((await page.getByTestId('timeline').inputValue()) || 0))
    .toBeGreaterThan(5)
  await expect.poll(() => canvasHash(page)).not.toBe(first)
  await keepScreenshot(page, 'first-screen')
  expectNoErrors()
})

test('a student sets a start by clicking, adds a racer, plays, scrubs, escapes the saddle, switches language and shares the link', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=en&s=saddle')
  const panel = page.getByTestId('surface-panel')
  await expect(panel).toHaveAttribute('data-grid-ready', '1')

  // Click on the surface: the start moves there (the canvas maps pixels to parameters; y points up).
  const canvas = page.getByTestId('surface-canvas')
  const box = (await canvas.boundingBox())!
  await canvas.click({ position: { x: box.width * 0.3, y: box.height * 0.3 } })
  await expect.poll(async () => (await startOf(page))[1]).toBeGreaterThan(0)
  const [sx] = await startOf(page)
  expect(sx).toBeLessThan(0)

  // Add a racer, play, then scrub back with the timeline.
  const chips = page.locator('[data-testid^="racer-chip-"]')
  const before = await chips.count()
  await page.getByTestId('add-racer').click()
  await expect(chips).toHaveCount(before + 1)
  await page.getByTestId('transport-end').click()
  await expect.poll(async () => Number(await page.getByTestId('timeline').inputValue())).toBeGreaterThan(100)
  await page.getByTestId('timeline').fill('40')
  await expect(page.getByTestId('step-counter')).toContainText('40')

  // The Hessian inspector at Li's saddle point: start exactly at the origin, where the gradient is zero.
  await page.getByTestId('start-x').fill('0')
  await page.getByTestId('start-x').press('Enter')
  await page.getByTestId('start-y').fill('0')
  await page.getByTestId('start-y').press('Enter')
  await page.getByTestId('transport-reset').click()
  const hessian = page.getByTestId('hessian-panel')
  await expect(hessian).toHaveAttribute('data-kind', 'saddle')
  await expect(page.getByTestId('hessian-eigenvalues')).toContainText('-2')
  await expect(page.getByTestId('hessian-ratio')).toContainText('0.5')
  await page.getByTestId('escape-button').click()
  await expect.poll(async () => startOf(page)).not.toEqual([0, 0])
  const [ex, ey] = await startOf(page)
  expect(ex).toBeGreaterThan(0)
  expect(ex).toBeCloseTo(ey, 9) // along u ∝ (1, 1)
  await keepScreenshot(page, 'saddle-escape-en')

  // Switch to Chinese: the lecture's terms appear.
  await page.getByTestId('lang-zh').click()
  await expect(page.locator('body')).toContainText('鞍点')
  await keepScreenshot(page, 'saddle-escape-zh')

  // Copy the link and open it: the same state comes back.
  await page.getByTestId('copy-link').click()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toContain('lang=zh')
  const again = await context.newPage()
  const errors2 = watchErrors(again)
  await again.goto(link)
  await expect(again.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  expect(await startOf(again)).toEqual([ex, ey])
  await expect(again.locator('[data-testid^="racer-chip-"]')).toHaveCount(before + 1)
  await expect(again.locator('body')).toContainText('鞍点')
  errors2.expectNoErrors()
  expectNoErrors()
})

test('a hostile link is ignored with a notice and nothing from it is rendered as HTML', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  let dialog = false
  page.on('dialog', (d) => ((dialog = true), d.dismiss()))
  await page.goto(`./?lang=en&s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&steps=NaN&r=__proto__(x)`)
  await expect(page.getByTestId('url-notices')).toBeVisible()
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  expect(await page.locator('img').count()).toBe(0)
  expect(dialog).toBe(false)
  expectNoErrors()
})

test('the playground works on a 390 px phone viewport with touch', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  })
  const page = await context.newPage()
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=zh')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  const canvas = page.getByTestId('surface-canvas')
  const box = (await canvas.boundingBox())!
  expect(box.width).toBeLessThanOrEqual(390)
  await canvas.tap({ position: { x: box.width * 0.7, y: box.height * 0.7 } })
  await expect.poll(async () => (await startOf(page))[0]).toBeGreaterThan(0)
  // Nothing overflows the viewport horizontally.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await keepScreenshot(page, 'phone-390-zh')
  expectNoErrors()
  await context.close()
})
