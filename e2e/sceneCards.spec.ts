import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { applySceneAction, initialSetup, raceSpecs, scenes } from '../src/core/scenes/meta'
import { stabilityBand } from '../src/core/stability/stabilityBand'
import type { Scene, SceneSetup } from '../src/core/scenes/meta'
import { getSurfaceMeta } from '../src/core/surfaces/meta'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * Every card of scenes 1–5 and 7–11 (6 and 12 have their own walks), in en and zh, as a student steps through
 * them: the card's button pressed, the race run to its end, then what the card claims checked on the page (the
 * surface it names, its racers in the legend, the numbers it quotes, the chart drawing all steps) and a
 * full-page screenshot kept per card.
 */
const walked = scenes.filter((s) => s.number !== 6 && s.number !== 12)
const cards = (page: Page) => page.getByTestId('scene-cards')

/** Saturated pixels of a canvas in a column band [x0, x1) of its width: the coloured curves, not grid or axes. */
async function colouredPixels(page: Page, testId: string, x0: number, x1: number): Promise<number> {
  return page.getByTestId(testId).evaluate(
    (el, [a, b]) => {
      const canvas = el as HTMLCanvasElement
      const ctx = canvas.getContext('2d')!
      const from = Math.floor(a * canvas.width)
      const w = Math.max(1, Math.floor(b * canvas.width) - from)
      const data = ctx.getImageData(from, 0, w, canvas.height).data
      let n = 0
      for (let i = 0; i < data.length; i += 4) {
        const max = Math.max(data[i], data[i + 1], data[i + 2])
        const min = Math.min(data[i], data[i + 1], data[i + 2])
        if (data[i + 3] > 200 && max - min > 80) n++
      }
      return n
    },
    [x0, x1],
  )
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('transport-end').click()
  await expect(page.getByTestId('step-counter')).toHaveText(/(\d+) \/ \1\D*$/, { timeout: 30_000 })
}

async function checkCard(page: Page, scene: Scene, i: number, setup: SceneSetup, lang: 'en' | 'zh') {
  const card = scene.cards[i]
  // The surface the set-up is on is the one drawn, by name.
  if (setup.surface !== undefined) {
    await expect(page.locator('[data-testid="surface-panel"] h2')).toContainText(
      getSurfaceMeta(setup.surface).name[lang],
    )
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
    // Every racer of the scene is in the card's legend.
    await expect(page.locator('.scene-card-racers li')).toHaveCount(setup.racers.length)
  }
  // Numbers the card quotes, read from the page.
  if (scene.id === 'saddle-escape') {
    const text = await page
      .getByTestId('hessian-panel')
      .innerText()
      .catch(() => '')
    expect(text).not.toMatch(/10⁻¹[0-9]|e-1[0-9]/)
    if (card.id === 'hessian') {
      const [x, y] = (await page.getByTestId('surface-panel').getAttribute('data-start'))!
        .split(',')
        .map(Number)
      // Near the saddle, along u = (1, 1): not on the minimum (1, 1).
      expect(x).toBeCloseTo(y, 9)
      expect(x).toBeLessThan(0.1)
      expect(x).toBeGreaterThan(0)
    }
  }
  if (scene.id === 'canyon-vs-basin') {
    const table = page.getByTestId('scene-test-loss')
    await expect(table.locator('tbody tr')).toHaveCount(setup.racers.length + 2)
    const value = async (row: string, col: number) =>
      Number(await table.locator(`tr[data-row="${row}"] td`).nth(col).getAttribute('data-value'))
    // Basin first, canyon second in the surface's minima; the card's 0.10, 0.15 and 0.74.
    expect((await value('min0', 0)).toFixed(2)).toBe('0.10')
    expect((await value('min1', 0)).toFixed(2)).toBe('0.10')
    expect((await value('min0', 1)).toFixed(2)).toBe('0.15')
    expect((await value('min1', 1)).toFixed(2)).toBe('0.74')
    const racerRow = table.locator('tbody tr').nth(2)
    const racerTest = Number(await racerRow.locator('td').nth(1).getAttribute('data-value'))
    if (card.id === 'gd-canyon') expect(racerTest.toFixed(2)).toBe('0.74')
    if (card.id === 'noise') expect(racerTest.toFixed(2)).toBe('0.15')
    // Every loss the card quotes (η = 0.05 is a learning rate, not a loss).
    for (const q of card.body[lang].match(/(?<!= )0\.\d\d/g) ?? []) await expect(table).toContainText(q)
  }
  if (scene.id === 'stuck-not-small-gradient' && (card.id === 'bounce' || card.id === 'diverge')) {
    // The band on the η chart: per racer, the step where ηᵗ first passes 2/λ_max, as the core's stability
    // band of the same path has it (the bounce: never; after the diverge card: racer 0 at step 0).
    await expect(page.getByTestId('chart-stability')).toHaveAttribute('data-bands', '2')
    const rows = page.locator('.charts-band-legend li')
    await expect(rows).toHaveCount(2)
    const expected = raceSpecs(setup).map((spec) => {
      const band = stabilityBand(spec)
      return band.step.findIndex((eta, t) => eta > band.limit[t])
    })
    expect(expected).toEqual(card.id === 'bounce' ? [-1, -1] : [0, -1])
    for (let r = 0; r < 2; r++)
      await expect(rows.nth(r)).toHaveAttribute('data-first-unstable', String(expected[r]))
    // What the card says is what the legend says.
    const body = page.getByTestId('scene-cards')
    if (card.id === 'bounce') {
      await expect(rows.nth(0)).toContainText(lang === 'en' ? 'stays below' : '始终低于')
      await expect(body).toContainText(lang === 'en' ? 'never passes it' : '始终没有超过它')
    } else {
      await expect(rows.nth(0)).toContainText(lang === 'en' ? 'at step 0' : '第 0 步')
      await expect(body).toContainText(
        lang === 'en' ? 'passes 2/λ_max at step 0' : '从第 0 步起就超过了 2/λ_max',
      )
    }
  }
  if (scene.id === 'momentum-ball' || scene.id === 'rmsprop-brakes') {
    // Losses below zero: a symlog axis, and the curves reach the last step (not only the first 10–18).
    await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-y-scale', 'symlog')
    expect(await colouredPixels(page, 'chart-loss', 0.8, 0.93)).toBeGreaterThan(20)
  }
  if (scene.id === 'momentum-ball' && i === 0) {
    // At step 400 the ball has stopped (g ≈ 10⁻¹⁴): no arrows, and the legend says why.
    await page.getByTestId('timeline').fill('400')
    await expect(page.getByTestId('surface-arrow-scale')).toHaveAttribute('data-kind', 'stopped')
    await page.getByTestId('timeline').fill('3')
    await expect(page.getByTestId('surface-arrow-scale')).toHaveAttribute('data-kind', /true|scaled/)
    await runToEnd(page)
  }
}

for (const lang of ['en', 'zh'] as const)
  for (const scene of walked)
    test(`scene ${scene.number} (${scene.id}): every card in ${lang} shows what it says`, async ({
      page,
    }) => {
      test.setTimeout(180_000)
      const { expectNoErrors } = watchErrors(page)
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.goto(`./?lang=${lang}&scene=${scene.id}&card=0`)
      await expect(cards(page)).toHaveAttribute('data-scene', scene.id, { timeout: 30_000 })
      let setup = initialSetup(scene)
      for (let i = 0; i < scene.cards.length; i++) {
        const card = scene.cards[i]
        await expect(cards(page)).toHaveAttribute('data-card', String(i))
        await expect(page.getByTestId('scene-card-title')).toHaveText(card.title[lang])
        if (card.action !== undefined) {
          await page.getByTestId('scene-card-action').click()
          await expect(cards(page)).toHaveAttribute('data-applied', '1')
          setup = applySceneAction(setup, card.action)
        }
        if (scene.kind === 'surface') await runToEnd(page)
        await checkCard(page, scene, i, setup, lang)
        const n = String(scene.number).padStart(2, '0')
        await keepScreenshot(page, `scene-card-${lang}-${n}-${i + 1}-${card.id}`, true)
        if (i < scene.cards.length - 1) await page.getByTestId('scene-card-next').click()
      }
      expectNoErrors()
    })
