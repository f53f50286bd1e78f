import { expect, test } from '@playwright/test'
import { getScene } from '../src/core/scenes/index'
import { scheduleName } from '../src/i18n/registryNames'
import { keepScreenshot, watchErrors } from './helpers'

const scene = getScene('decay-and-warm-up')

for (const lang of ['en', 'zh'] as const) {
  test(`scene 5 (${lang}): the η legend names each schedule and the warm-up is visible on the log step axis`, async ({
    page,
  }) => {
    const { expectNoErrors } = watchErrors(page)
    // The last card but one shows all five racers.
    const all = scene.cards.findIndex((c) => c.id === 'adam')
    await page.goto(`./?lang=${lang}&scene=${scene.id}&card=${all}`)
    await expect(page.getByTestId('scene-cards')).toHaveAttribute('data-scene', scene.id, { timeout: 30_000 })
    await page.getByTestId('scene-card-action').click()

    // Every schedule the scene's racers follow is named in the η legend (the registry's names).
    const legend = page.locator('.charts-lr-legend').first()
    const kinds = [...new Set(scene.racers!.map((r) => r.schedule?.kind ?? 'constant'))]
    expect(kinds).toContain('warmup-inverse-sqrt')
    for (const kind of kinds) {
      await expect(legend.locator(`li[data-schedule="${kind}"]`)).toContainText(scheduleName(kind, lang))
    }

    // Scene 5 opens the η chart on a log step axis; the 1,000-step warm-up takes a visible share of it.
    const lr = page.getByTestId('chart-lr')
    const toggle = page.getByTestId('chart-lr-logx')
    await expect(toggle).toBeChecked()
    await expect(lr).toHaveAttribute('data-x-scale', 'log')
    const fraction = async () =>
      lr.evaluate((el: HTMLElement) => Number(el.dataset.warmupEndPx) / Number(el.dataset.plotWidth))
    const logShare = await fraction()
    expect(logShare).toBeGreaterThan(0.2)
    // log₁₀ 1000 / log₁₀ 100000 = 3/5, from the chart's own scale.
    expect(logShare).toBeCloseTo(0.6, 2)
    await page.locator('.chart-lr').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `scene5-warmup-log-${lang}`)

    // Switched off, the same warm-up is a sliver (1,000 of 100,000 steps).
    await toggle.uncheck()
    await expect(lr).toHaveAttribute('data-x-scale', 'linear')
    expect(await fraction()).toBeLessThan(0.02)
    await keepScreenshot(page, `scene5-warmup-linear-${lang}`)
    expectNoErrors()
  })
}
