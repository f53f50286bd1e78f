import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

/** The center loss the landscape of `run` was drawn with, and its epoch (data attributes of the figure). */
async function drawn(page: Page, run: 'a' | 'b'): Promise<{ epoch: number; loss: number }> {
  const fig = page.getByTestId(`lab-landscape-${run}`)
  return {
    epoch: Number(await fig.getAttribute('data-epoch')),
    loss: Number(await fig.getAttribute('data-center-loss')),
  }
}

test('the twin landscapes appear, update while training, and a slice races in the playground', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('classifier-lab')).toContainText('300 rows')
  // Epoch 0: both networks start from the same weights, so without and with L2 differ only by the penalty.
  await expect(page.getByTestId('lab-landscape-a')).toHaveAttribute('data-epoch', '0')
  const start = await drawn(page, 'a')
  expect(start.loss).toBeGreaterThan(0)
  await page.getByTestId('lab-train').click()
  // Redrawn while training streams: a later epoch, with a lower loss at the center.
  await expect.poll(async () => (await drawn(page, 'a')).epoch, { timeout: 30_000 }).toBeGreaterThan(0)
  const mid = await drawn(page, 'a')
  expect(mid.epoch).toBeLessThan(800)
  await expect(page.getByTestId('lab-status')).toHaveText('Done', { timeout: 60_000 })
  await expect.poll(async () => (await drawn(page, 'a')).epoch, { timeout: 30_000 }).toBe(800)
  const end = await drawn(page, 'a')
  expect(end.loss).toBeLessThan(start.loss)
  await expect.poll(async () => (await drawn(page, 'b')).epoch).toBe(800)
  // With L2 the center's loss includes the penalty, so it is higher than without.
  expect((await drawn(page, 'b')).loss).toBeGreaterThan(end.loss)
  await page.getByTestId('lab-landscapes').scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'loss-landscapes-1280-en')

  // Re-rolling the directions redraws the same centers along other directions.
  await page.getByTestId('lab-landscape-reroll').click()
  await expect.poll(async () => (await drawn(page, 'a')).epoch).toBe(800)

  // The L2 network's slice goes to the playground, where the race runs on it.
  await page.getByTestId('lab-landscape-race-b').click()
  const panel = page.getByTestId('surface-panel')
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('The network along two directions')
  await expect(panel).toHaveAttribute('data-grid-ready', '1', { timeout: 60_000 })
  expect(page.url()).toContain('s=net-slice')
  expect(page.url()).toContain('ns=')
  await page.getByTestId('transport-end').click()
  await expect
    .poll(async () => Number(await page.getByTestId('timeline').inputValue()), { timeout: 60_000 })
    .toBeGreaterThan(100)
  await keepScreenshot(page, 'net-slice-race-1280-en')
  expectNoErrors()
})

for (const { lang, width, height } of [
  { lang: 'zh', width: 1280, height: 800 },
  { lang: 'en', width: 390, height: 844 },
  { lang: 'zh', width: 390, height: 844 },
]) {
  test(`the twin landscapes without and with L2 (${lang}, ${width}×${height})`, async ({ page }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.setViewportSize({ width, height })
    await page.goto(`./?lang=${lang}`)
    await page.getByTestId('nav-classifier').click()
    await expect(page.getByTestId('classifier-lab')).toContainText('300')
    await page.getByTestId('lab-train').click()
    await expect(page.getByTestId('lab-status'))
      .not.toHaveText(/Done|完成/, { timeout: 1000 })
      .catch(() => undefined)
    await expect.poll(async () => (await drawn(page, 'b')).epoch, { timeout: 90_000 }).toBe(800)
    await page.getByTestId('lab-landscapes').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `loss-landscapes-${width}-${lang}`)
    expectNoErrors()
  })
}
