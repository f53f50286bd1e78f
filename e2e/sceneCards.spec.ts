import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { applySceneAction, initialSetup, raceSpecs, scenes } from '../src/core/scenes/meta'
import { stabilityBand } from '../src/core/stability/stabilityBand'
import type { Scene, SceneSetup } from '../src/core/scenes/meta'
import { getSurfaceMeta } from '../src/core/surfaces/meta'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * Every card of every scene but 6 and 12 (they have their own walks), in en and zh, as a student steps through
 * them: the card's button pressed, the race run to its end (a classifier scene: trained to its end), then what
 * the card claims checked on the page (the surface it names, its racers in the legend, the numbers it quotes,
 * the chart drawing all steps) and a full-page screenshot kept per card.
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

/** The numbers under one loss landscape of the lab, as printed (3 significant digits; a width may be "< 0.05"). */
async function landscapeNumbers(page: Page, run: 'a' | 'b') {
  const text = (await page.getByTestId(`lab-landscape-stats-${run}`).textContent()) ?? ''
  // en "epoch 800 · loss at the center 0.0744 · largest Hessian eigenvalue λmax 24.2 · width within 10% of the
  // minimum: 0.1 along d₁, < 0.05 along d₂"; zh "第 800 回合 · 中心处的损失 0.0744 · … λmax 24.2 · …：沿 d₁ 为 0.1，沿 d₂ 为 < 0.05".
  const parts = text.split(' · ')
  const number = /(?:< )?\d+(?:\.\d+)?/g
  const widths = (parts[3]?.match(number) ?? []).slice(-2)
  const value = (w: string) => (w.startsWith('<') ? 0 : Number(w))
  return {
    text,
    loss: parts[1]?.match(number)?.at(-1) ?? '',
    lambdaMax: /λmax (\S+)/.exec(parts[2] ?? '')?.[1] ?? '',
    widths,
    widthValues: widths.map(value),
  }
}

/**
 * Opaque whitish pixels (every channel > 170) of the canvas in a landscape figure: its flat patch (white at 70%
 * over any colour) and the centre dot's ring. No jet colour qualifies: one channel is always ≤ 128.
 */
async function whitishPixels(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let n = 0
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] > 200 && Math.min(data[i], data[i + 1], data[i + 2]) > 170) n++
      return n
    })
}

/** The numbers under one decision boundary: accuracy (%), Σw² and steepest slope, as printed. */
async function boundaryNumbers(page: Page, run: 'a' | 'b') {
  const metrics = (await page.getByTestId(`lab-metrics-${run}`).textContent()) ?? ''
  const weights = (await page.getByTestId(`lab-weights-${run}`).textContent()) ?? ''
  const m = /Σw² = (\d+(?:\.\d+)?) · \D*?(\d+(?:\.\d+)?)$/.exec(weights.trim())
  return { accuracy: Number(/(\d+(?:\.\d+)?)%/.exec(metrics)?.[1]), sum: m?.[1] ?? '', slope: Number(m?.[2]) }
}

/**
 * Scene 14 (flat vs sharp): what each card quotes, read from the lab's twin landscapes and boundary views after
 * both networks trained 800 epochs. The card's text is checked to contain the page's numbers, so a card and the
 * page cannot drift apart.
 */
async function checkFlatVsSharp(page: Page, scene: Scene, i: number, lang: 'en' | 'zh') {
  const card = scene.cards[i]
  const body = card.body[lang]
  if (card.id === 'train-both') {
    await page.getByTestId('lab-pace').selectOption('max')
    for (const run of ['a', 'b'] as const)
      await expect(page.getByTestId(`lab-landscape-${run}`)).toHaveAttribute('data-epoch', '800', {
        timeout: 60_000,
      })
    await expect(page.getByTestId('lab-epoch-b')).toContainText('800 / 800')
    for (const run of ['a', 'b'] as const)
      expect((await boundaryNumbers(page, run)).accuracy).toBeGreaterThan(90)
    // The 2-11-1 net, 800 epochs, λ = 0.03 and "above 90%": the editor's and the views' numbers.
    await expect(page.getByTestId('lab-a-editor').locator('summary')).toContainText('2-11-1')
    await expect(page.getByTestId('lab-a-epochs')).toHaveValue('800')
    await expect(page.getByTestId('lab-a-lambda')).toHaveValue('0.03')
    for (const q of ['2-11-1', '800', 'λ = 0.03', '90%']) expect(body).toContain(q)
  }
  // From here on both landscapes are at epoch 800 (no card retrains).
  await expect(page.getByTestId('lab-landscape-a')).toHaveAttribute('data-epoch', '800')
  await expect(page.getByTestId('lab-landscape-b')).toHaveAttribute('data-epoch', '800')
  const a = await landscapeNumbers(page, 'a')
  const b = await landscapeNumbers(page, 'b')
  const wide = (w: string) => (w.startsWith('<') ? (lang === 'en' ? 'less than ' : '不到 ') + w.slice(2) : w)
  if (card.id === 'sharp-flat') {
    // Left: λmax and both widths; right: λmax and both widths; sharp on the left, flat on the right.
    expect(body).toContain(`λmax = ${a.lambdaMax}`)
    expect(body).toContain(`λmax = ${b.lambdaMax}`)
    for (const w of [...a.widths, ...b.widths]) expect(body).toContain(wide(w))
    expect(a.widths).toEqual(['0.1', '< 0.05'])
    expect(Number(a.lambdaMax)).toBeGreaterThan(3 * Number(b.lambdaMax))
    expect(Math.min(...b.widthValues)).toBeGreaterThan(Math.max(...a.widthValues))
    // The white patch (within 10% of the minimum; the jet colours are never whitish): clear on the right, no
    // more than the centre dot's ring and a sliver on the left.
    const left = await whitishPixels(page, 'lab-landscape-a')
    const right = await whitishPixels(page, 'lab-landscape-b')
    expect(right).toBeGreaterThan(4 * left)
  }
  if (card.id === 'l2-minimum') {
    const left = await boundaryNumbers(page, 'a')
    const right = await boundaryNumbers(page, 'b')
    expect(body).toContain(right.sum)
    expect(body).toContain(left.sum)
    expect(Number(left.sum)).toBeGreaterThan(3 * Number(right.sum))
    expect(right.slope).toBeLessThan(left.slope)
    expect(body).toContain(a.lambdaMax)
    expect(body).toContain(b.lambdaMax)
    expect(body).toContain(a.loss)
    expect(body).toContain(b.loss)
    expect(Number(b.loss)).toBeGreaterThan(Number(a.loss))
    // The penalty ½λΣw² with the λ of the editor and the Σw² under the right view.
    const lambda = Number(await page.getByTestId('lab-a-lambda').inputValue())
    expect(body).toContain(`λ = ${lambda}`)
    expect(body).toContain(`≈ ${(0.5 * lambda * Number(right.sum)).toFixed(3)}`)
  }
  if (card.id === 'why-flat') {
    // Re-rolled directions: other widths, the left still the narrower along both.
    const reroll = page.getByTestId('lab-landscape-reroll')
    expect(body).toContain(((await reroll.textContent()) ?? '').trim())
    await reroll.click()
    await expect.poll(async () => (await landscapeNumbers(page, 'b')).text).not.toBe(b.text)
    const a2 = await landscapeNumbers(page, 'a')
    const b2 = await landscapeNumbers(page, 'b')
    expect(b2.widths.length).toBe(2)
    expect(Math.min(...b2.widthValues)).toBeGreaterThan(Math.max(...a2.widthValues))
    // λmax does not depend on the directions.
    expect(a2.lambdaMax).toBe(a.lambdaMax)
    await page.getByTestId('lab-landscapes').scrollIntoViewIfNeeded()
  }
  if (card.id === 'race') {
    const race = page.getByTestId('lab-landscape-race-a')
    await expect(race).toBeEnabled()
    expect(body).toContain(((await race.textContent()) ?? '').trim())
  }
}

/** The last card's promise: the network's slice opens in the playground and a race runs on it. */
async function raceOnNetSlice(page: Page, lang: 'en' | 'zh') {
  await page.getByTestId('lab-landscape-race-b').click()
  const panel = page.getByTestId('surface-panel')
  await expect(panel).toContainText(getSurfaceMeta('net-slice').name[lang])
  await expect(panel).toHaveAttribute('data-grid-ready', '1', { timeout: 60_000 })
  expect(page.url()).toContain('s=net-slice')
  await page.getByTestId('transport-end').click()
  await expect
    .poll(async () => Number(await page.getByTestId('timeline').inputValue()), { timeout: 60_000 })
    .toBeGreaterThan(100)
  await keepScreenshot(page, `scene-card-${lang}-14-race-playground`, true)
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
  if (scene.id === 'flat-vs-sharp') await checkFlatVsSharp(page, scene, i, lang)
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
      if (scene.id === 'flat-vs-sharp') await raceOnNetSlice(page, lang)
      expectNoErrors()
    })

for (const [lang, width, height] of [
  ['en', 390, 844],
  ['zh', 390, 844],
  ['en', 1920, 1080],
  ['zh', 1920, 1080],
] as const)
  test(`scene 14's landscapes and card at ${width}×${height} (${lang}): in view, nothing overflows`, async ({
    browser,
  }) => {
    test.setTimeout(90_000)
    const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500 })
    const page = await context.newPage()
    const { expectNoErrors } = watchErrors(page)
    await page.goto(`./?lang=${lang}&scene=flat-vs-sharp&card=2`)
    await expect(cards(page)).toHaveAttribute('data-card', '2', { timeout: 30_000 })
    await page.getByTestId('lab-pace').selectOption('max')
    await page.getByTestId('lab-train').click()
    for (const run of ['a', 'b'] as const)
      await expect(page.getByTestId(`lab-landscape-${run}`)).toHaveAttribute('data-epoch', '800', {
        timeout: 60_000,
      })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    await page.getByTestId('lab-landscape-stats-b').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `scene14-landscapes-${width}-${lang}`)
    await page.getByTestId('scene-card-title').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `scene14-card-${width}-${lang}`)
    expectNoErrors()
    await context.close()
  })
