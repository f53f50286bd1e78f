import { expect, test } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

// #11: Adam, Adagrad and RMSProp at η = 1000 take bounded steps and never overflow on the Pokémon valley, yet
// each leaves the valley far behind on its first update: the legend says so, in both languages.
for (const [lang, escaped, diverged] of [
  ['en', /^Escaped at step \d+$/, 'Diverged'],
  ['zh', /^在第 \d+ 步逃逸$/, '发散'],
] as const) {
  test(`racers that escape at η = 1000 get an "escaped" badge (${lang})`, async ({ page }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.goto(`./?lang=${lang}&s=pokemon&r=adam(lr:1000)~adagrad(lr:1000)~rmsprop(lr:1000)&steps=500`)
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
    for (const id of ['r0', 'r1', 'r2']) {
      const badge = page.getByTestId(`diverged-badge-${id}`)
      await expect(badge).toHaveText(escaped)
      await expect(badge).toHaveAttribute('data-escaped', 'true')
      await expect(badge).not.toContainText(diverged)
    }
    await page.getByTestId('diverged-badge-r0').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `escaped-badges-${lang}`)
    expectNoErrors()
  })
}
