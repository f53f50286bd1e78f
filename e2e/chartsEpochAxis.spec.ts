import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

// Issue #10: scene 6 races 10 epochs of full batch (10 updates), batch 5 (60) and batch 1 (300). On the charts'
// epoch axis (the scene's default) the three loss curves end at the same x, 10; on the update axis at 10, 60
// and 300. Numbers from the scene's set-up: N = 30 examples, ⌈30/B⌉ updates per epoch.
const ends = async (page: Page): Promise<Record<string, number>> => {
  const text = (await page.getByTestId('chart-loss').getAttribute('data-x-ends')) ?? ''
  return Object.fromEntries(
    text
      .split(' ')
      .filter((p) => p !== '')
      .map((p) => [p.split(':')[0], Number(p.split(':')[1])]),
  )
}

for (const lang of ['en', 'zh'] as const) {
  test(`scene 6 (${lang}): the loss chart counts epochs or updates on its x-axis`, async ({ page }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.goto(`./?lang=${lang}&scene=batch-size&card=4`)
    await expect(page.getByTestId('scene-cards')).toHaveAttribute('data-scene', 'batch-size', {
      timeout: 30_000,
    })
    const epochs = page.getByTestId('charts-unit-epochs')
    const updates = page.getByTestId('charts-unit-updates')
    // The scene's steps count epochs, so its charts do too.
    await expect(epochs).toBeChecked()
    await expect(page.locator('.charts-unit')).toContainText(lang === 'en' ? 'epochs' : '回合')
    await page.getByTestId('scene-card-action').click()
    await expect
      .poll(() => page.getByTestId('racer-progress-r2').getAttribute('data-updates'), { timeout: 30_000 })
      .toBe('300')
    const loss = page.getByTestId('chart-loss')
    await expect(loss).toHaveAttribute('data-x-unit', 'epochs')
    await expect.poll(() => ends(page)).toEqual({ r0: 10, r1: 10, r2: 10 })
    await expect(loss).toHaveAttribute('data-x-max', '10')

    // The hover names the epoch and each racer's update.
    const chartBox = page.locator('.chart-box-loss')
    await chartBox.scrollIntoViewIfNeeded()
    const box = (await chartBox.boundingBox())!
    await chartBox.hover({ position: { x: box.width * 0.5, y: box.height / 2 }, force: true })
    const tip = page.locator('.chart-box-loss .chart-tooltip')
    await expect(tip).toBeVisible()
    await expect(tip).toContainText(lang === 'en' ? 'Epoch' : '回合')
    await expect(tip).toContainText(lang === 'en' ? '(update' : '次更新')
    await keepScreenshot(page, `charts-epoch-axis-epochs-${lang}`, true)
    await page
      .locator('.charts-panel')
      .screenshot({ path: `artifacts/screenshots/charts-epoch-axis-panel-epochs-${lang}.png` })

    await updates.check()
    await expect(loss).toHaveAttribute('data-x-unit', 'updates')
    await expect.poll(() => ends(page)).toEqual({ r0: 10, r1: 60, r2: 300 })
    await page.mouse.move(0, 0)
    await keepScreenshot(page, `charts-epoch-axis-updates-${lang}`, true)
    await page
      .locator('.charts-panel')
      .screenshot({ path: `artifacts/screenshots/charts-epoch-axis-panel-updates-${lang}.png` })

    await epochs.check()
    await expect.poll(() => ends(page)).toEqual({ r0: 10, r1: 10, r2: 10 })
    expectNoErrors()
  })
}
