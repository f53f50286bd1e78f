import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { getScene } from '../src/core/scenes/index'
import { keepScreenshot, watchErrors } from './helpers'

const scene = getScene('dot-regularization')
type Lang = 'en' | 'zh'

/** What the page says, per language (the lab's own strings, src/i18n). */
const TEXT = {
  en: {
    without: 'Without regularization',
    withL2: 'With L2, λ = 0.03',
    rows: '300 rows',
    done: 'Done',
    playing: 'Training…',
    epoch: (e: number) => `Epoch ${e} / 800`,
  },
  zh: {
    without: '无正则化',
    withL2: '有正则化：L2, λ = 0.03',
    rows: '300 行',
    done: '完成',
    playing: '训练中…',
    epoch: (e: number) => `回合 ${e} / 800`,
  },
} as const

/** The numbers under one boundary view, as the page prints them: accuracy (%), Σw², steepest slope. */
async function numbersOf(page: Page, run: 'a' | 'b') {
  const metrics = (await page.getByTestId(`lab-metrics-${run}`).textContent()) ?? ''
  const weights = (await page.getByTestId(`lab-weights-${run}`).textContent()) ?? ''
  // "Σw² = 24.36 · steepest slope 1.054" (zh: "Σw² = 24.36 · 最陡坡度 1.054").
  const m = /Σw² = (\d+(?:\.\d+)?) · \D*?(\d+(?:\.\d+)?)$/.exec(weights.trim())
  return {
    accuracy: Number(/(\d+(?:\.\d+)?)%/.exec(metrics)?.[1]),
    sum: Number(m?.[1]),
    slope: Number(m?.[2]),
  }
}

const cardShot = (page: Page, lang: Lang, i: number) =>
  keepScreenshot(page, `scene12-card${i + 1}-${scene.cards[i].id}-${lang}`)

async function goTo(page: Page, i: number, lang: Lang) {
  if (i > 0) await page.getByTestId('scene-card-next').click()
  await expect(page.getByTestId('scene-cards')).toHaveAttribute('data-card', String(i))
  await expect(page.getByTestId('scene-card-title')).toHaveText(scene.cards[i].title[lang])
}

for (const lang of ['en', 'zh'] as const) {
  test(`scene 12 card by card (${lang}): L2 on the right from card 1, the networks kept, every number on screen`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const { expectNoErrors } = watchErrors(page)
    const t = TEXT[lang]
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`./?lang=${lang}&scene=dot-regularization&card=0`)
    const lab = page.getByTestId('classifier-lab')

    // Card 1: the wiggly boundary. Both views are titled by what they train, and they differ from the start.
    await goTo(page, 0, lang)
    await expect(page.getByTestId('lab-view-title-a')).toHaveText(t.without)
    await expect(page.getByTestId('lab-view-title-b')).toHaveText(t.withL2)
    // The numbers the card quotes: 300 points, a 2-11-1 net, η = 0.005, batches of 32, 800 epochs.
    await expect(lab).toContainText(t.rows)
    await expect(page.getByTestId('lab-a-editor').locator('summary')).toContainText('2-11-1')
    await expect(page.getByTestId('lab-a-lr')).toHaveValue('0.005')
    await expect(page.getByTestId('lab-a-batch')).toHaveValue('32')
    await expect(page.getByTestId('lab-a-epochs')).toHaveValue('800')
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(0))
    await page.getByTestId('scene-card-action').click()
    await expect(page.getByTestId('lab-status')).toHaveText(t.playing)
    // While it trains (60 epochs/s by default), L2 already pulls the right weights in: the views differ.
    await expect
      .poll(async () => (await numbersOf(page, 'a')).sum - (await numbersOf(page, 'b')).sum, {
        timeout: 10_000,
      })
      .toBeGreaterThan(1)
    await expect(page.getByTestId('lab-status')).toHaveText(t.done, { timeout: 30_000 })
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(800))
    await expect(page.getByTestId('lab-epoch-b')).toHaveText(t.epoch(800))
    const a = await numbersOf(page, 'a')
    const b = await numbersOf(page, 'b')
    // "fits them well": the left view's training accuracy.
    expect(a.accuracy).toBeGreaterThan(90)
    await page.getByTestId('lab-view-a').scrollIntoViewIfNeeded()
    await cardShot(page, lang, 0)

    // Card 2: a belief; nothing retrains.
    await goTo(page, 1, lang)
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(800))
    await cardShot(page, lang, 1)

    // Card 3: the math. The right view uses λ = 0.03, and says so; the networks stay trained.
    await goTo(page, 2, lang)
    await expect(page.getByTestId('lab-a-lambda')).toHaveValue('0.03')
    await expect(page.getByTestId('lab-view-title-b')).toContainText('λ = 0.03')
    await expect(page.getByTestId('lab-epoch-b')).toHaveText(t.epoch(800))
    await cardShot(page, lang, 2)

    // Card 4: Σw² several times smaller on the right, a gentler steepest slope, accuracy above 90 %: read off
    // the page.
    await goTo(page, 3, lang)
    expect(a.sum / b.sum).toBeGreaterThan(3)
    expect(b.slope).toBeLessThan(a.slope)
    expect(b.accuracy).toBeGreaterThan(90)
    expect(a.accuracy).toBeGreaterThan(90)
    // Its play replays the record from epoch 0 (no retraining): the scrubber goes back and plays on.
    await page.getByTestId('scene-card-action').click()
    await expect(page.getByTestId('lab-status')).toHaveText(t.playing)
    await expect
      .poll(async () => Number(await page.getByTestId('lab-scrubber').inputValue()))
      .toBeLessThan(800)
    await page.getByTestId('lab-pace').selectOption('max')
    await expect(page.getByTestId('lab-status')).toHaveText(t.done, { timeout: 30_000 })
    // The same networks: the same numbers as before the replay (the views repaint on the next display frame).
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(800))
    await expect.poll(() => numbersOf(page, 'a')).toEqual(a)
    await expect.poll(() => numbersOf(page, 'b')).toEqual(b)
    await page.getByTestId('lab-view-a').scrollIntoViewIfNeeded()
    await cardShot(page, lang, 3)

    // Card 5: "look at the wiggly boundary again" — the left view is still trained (issue 10: it used to
    // reset both to epoch 0), still λ = 0 beside L2.
    await goTo(page, 4, lang)
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(800))
    await expect(page.getByTestId('lab-view-title-a')).toHaveText(t.without)
    await expect(page.getByTestId('lab-view-title-b')).toHaveText(t.withL2)
    // "Drag the epoch slider back": both views show epoch 100, where their Σw² already differ.
    await page.getByTestId('lab-scrubber').fill('100')
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(100))
    await expect(page.getByTestId('lab-epoch-b')).toHaveText(t.epoch(100))
    const a100 = await numbersOf(page, 'a')
    const b100 = await numbersOf(page, 'b')
    expect(a100.sum).toBeGreaterThan(b100.sum)
    await page.getByTestId('lab-view-a').scrollIntoViewIfNeeded()
    await cardShot(page, lang, 4)
    await page.getByTestId('lab-scrubber').fill('800')
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(t.epoch(800))
    await expect.poll(() => numbersOf(page, 'a')).toEqual(a)

    // Card 6: the moral; the networks are still there.
    await goTo(page, 5, lang)
    await expect(page.getByTestId('lab-epoch-b')).toHaveText(t.epoch(800))
    await cardShot(page, lang, 5)
    expectNoErrors()
  })
}

test('the lab’s speed control slows training (counted over display frames) and the scrubber rewinds', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 0 / 800')
  await expect(page.getByTestId('lab-pace')).toHaveValue('60')

  /** Epochs shown per display frame over `frames` animation frames while training plays. */
  const epochsPerFrame = (frames: number) =>
    page.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          const read = () =>
            Number(
              /(\d+) \//.exec(document.querySelector('[data-testid="lab-epoch-a"]')?.textContent ?? '')?.[1],
            )
          const first = read()
          let k = 0
          const tick = () => (++k < n ? requestAnimationFrame(tick) : resolve((read() - first) / n))
          requestAnimationFrame(tick)
        }),
      frames,
    )

  await page.getByTestId('lab-pace').selectOption('5')
  await page.getByTestId('lab-train').click()
  const slow = await epochsPerFrame(90)
  await page.getByTestId('lab-pace').selectOption('240')
  const fast = await epochsPerFrame(30)
  // 5 epochs/s is under one epoch per frame at any display rate ≥ 10 Hz; 240 epochs/s is 48 times more.
  expect(slow).toBeGreaterThan(0)
  expect(fast).toBeGreaterThan(8 * slow)
  await page.getByTestId('lab-train').click()
  await expect(page.getByTestId('lab-status')).toHaveText('Paused')
  const paused = Number(/(\d+) \//.exec((await page.getByTestId('lab-epoch-a').textContent()) ?? '')?.[1])
  expect(paused).toBeGreaterThan(20)
  expect(paused).toBeLessThan(800)

  // The picture of epoch 20 while training passed it, and again after rewinding to it from the end.
  await page.getByTestId('lab-scrubber').fill('20')
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 20 / 800')
  const field = page.getByTestId('lab-view-a').locator('canvas').first()
  const at20 = await field.evaluate((c: HTMLCanvasElement) => c.toDataURL())
  await page.getByTestId('lab-pace').selectOption('max')
  await page.getByTestId('lab-train').click()
  await expect(page.getByTestId('lab-status')).toHaveText('Done', { timeout: 30_000 })
  const atEnd = await field.evaluate((c: HTMLCanvasElement) => c.toDataURL())
  expect(atEnd).not.toBe(at20)
  await page.getByTestId('lab-scrubber').fill('20')
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 20 / 800')
  await expect(page.getByTestId('lab-scrub-value')).toHaveText('epoch 20 of 800 trained')
  await expect.poll(() => field.evaluate((c: HTMLCanvasElement) => c.toDataURL())).toBe(at20)
  await keepScreenshot(page, 'lab-scrubbed-epoch20-en')
  // The link keeps the pace.
  await expect(page).toHaveURL(/l\.pace=max/)
  expectNoErrors()
})

for (const [lang, width, height] of [
  ['zh', 390, 844],
  ['en', 1920, 1080],
] as const) {
  test(`the lab's transport, scrubber and curves' legend at ${width}×${height} (${lang})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500 })
    const page = await context.newPage()
    const { expectNoErrors } = watchErrors(page)
    await page.goto(`./?lang=${lang}&lab=reg&l.pace=max`)
    await page.getByTestId('lab-train').click()
    await expect(page.getByTestId('lab-status')).toHaveText(TEXT[lang].done, { timeout: 30_000 })
    await page.getByTestId('lab-scrubber').fill('300')
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(TEXT[lang].epoch(300))
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    // The legend sits under both charts, never over a curve.
    const legend = page.getByTestId('lab-curves-legend')
    await legend.scrollIntoViewIfNeeded()
    const box = (await legend.boundingBox())!
    for (const canvas of await page.locator('.lab-curves canvas').all()) {
      const c = (await canvas.boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(c.y + c.height - 1)
    }
    await keepScreenshot(page, `lab-curves-legend-${width}-${lang}`)
    await page.getByTestId('lab-train').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `lab-transport-${width}-${lang}`)
    expectNoErrors()
    await context.close()
  })
}
