import { expect, test } from '@playwright/test'
import { getScene } from '../src/core/scenes/index'
import { getSurface } from '../src/core/surfaces/index'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * Scene 7 (canyon vs basin) shows its testing surface: the dashed contours of the shifted surface on the map
 * (the panel's `data-test-argmin` is where the grid it drew is lowest, checked against the core's shifted canyon
 * minimum), a switch that hides and shows them, and the testing loss in the loss chart as a dashed curve per
 * racer whose last value is the card's 0.74 (the core's L_test at the canyon minimum).
 */
const scene = getScene('canyon-vs-basin')
const train = getSurface(scene.surface!)
const testSurface = getSurface(scene.testSurface!)
const [, canyon] = train.minima

test.use({ viewport: { width: 1280, height: 800 } })

for (const lang of ['en', 'zh'] as const) {
  test(`scene 7 (${lang}): the testing surface is drawn on the map and its loss in the chart`, async ({
    page,
  }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.goto(`./?scene=${scene.id}&lang=${lang}`)
    const panel = page.getByTestId('surface-panel')
    await expect(panel).toHaveAttribute('data-grid-ready', '1', { timeout: 30_000 })
    const stage = panel.locator('.surface-stage')
    await expect(stage).toHaveAttribute('data-test-surface', 'canyon-basin-test', { timeout: 30_000 })

    // The drawn testing grid is lowest at one of the core's testing minima (a training minimum shifted by
    // δ = (0.3, 0); the two are 0.0015 apart in depth, so the grid may find either), far from every training one.
    const [ax, ay] = (await stage.getAttribute('data-test-argmin'))!.split(',').map(Number)
    const distance = (p: readonly number[]) => Math.hypot(ax - p[0], ay - p[1])
    expect(Math.min(...testSurface.minima.map(distance))).toBeLessThan(0.05)
    expect(Math.min(...train.minima.map(distance))).toBeGreaterThan(0.25)

    // The switch is on (the scene turned it on), hides the overlay, and shows it again.
    const toggle = page.getByTestId('show-test-surface')
    await expect(toggle).toBeChecked()
    await expect(page.getByTestId('surface-test-legend')).toContainText(
      lang === 'en' ? 'testing surface' : '测试的误差表面',
    )
    await toggle.uncheck()
    await expect(stage).not.toHaveAttribute('data-test-surface', /.*/)
    await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-test-curves', '0')
    await toggle.check()
    await expect(stage).toHaveAttribute('data-test-surface', 'canyon-basin-test')

    // Run to the end: GD ends in the canyon, where the testing curve reads the card's 0.74 (the core's value).
    await page.getByTestId('transport-end').click()
    await expect(page.getByTestId('step-counter')).toHaveText(/(\d+) \/ \1\D*$/, { timeout: 30_000 })
    const chart = page.getByTestId('chart-loss')
    await expect(chart).toHaveAttribute('data-test-curves', '1')
    await expect(chart).toHaveAttribute('data-test-last', /^r\w+=0\.7/)
    const last = Number((await chart.getAttribute('data-test-last'))!.split('=')[1])
    expect(last).toBeCloseTo(testSurface.f(canyon[0], canyon[1]), 4)
    expect(last.toFixed(2)).toBe('0.74')
    await expect(page.getByTestId('chart-test-legend')).toBeVisible()
    // The table beside the cards quotes the same two minima: 0.15 (basin) and 0.74 (canyon).
    const table = page.getByTestId('scene-test-loss')
    await expect(table.locator('tr[data-row="min0"] td').nth(1)).toHaveText('0.15')
    await expect(table.locator('tr[data-row="min1"] td').nth(1)).toHaveText('0.74')

    await page.evaluate(() => window.scrollTo(0, 0))
    await keepScreenshot(page, `scene7-test-surface-${lang}`)
    await page.getByTestId('chart-loss').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `scene7-test-loss-chart-${lang}`)
    expectNoErrors()
  })
}
