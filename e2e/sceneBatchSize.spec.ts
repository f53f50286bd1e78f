import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { getScene } from '../src/core/scenes/index'
import { keepScreenshot, watchErrors } from './helpers'

const scene = getScene('batch-size')
const cards = (page: Page) => page.getByTestId('scene-cards')
/** The numbers a card quotes, in order. */
const numbersIn = (text: string): number[] => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number)
const progress = (page: Page, id: string) => page.getByTestId(`racer-progress-${id}`)
const attr = async (page: Page, id: string, name: string) =>
  Number(await progress(page, id).getAttribute(`data-${name}`))
const cloud = async (page: Page, id: string) =>
  Number(await page.locator(`[data-cloud-${id}]`).first().getAttribute(`data-cloud-${id}`))

for (const lang of ['en', 'zh'] as const) {
  test(`scene 6 (${lang}): the screen shows what each card says — three batch sizes, their update counts, the noise cloud`, async ({
    page,
  }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.goto(`./?lang=${lang}&scene=batch-size&card=0`)
    await expect(cards(page)).toHaveAttribute('data-scene', 'batch-size', { timeout: 30_000 })
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', {
      timeout: 30_000,
    })
    const labels = scene.racers!.map((r) => r.label![lang])

    for (let i = 0; i < scene.cards.length; i++) {
      const card = scene.cards[i]
      await expect(cards(page)).toHaveAttribute('data-card', String(i))
      await expect(page.getByTestId('scene-card-title')).toHaveText(card.title[lang])
      const body = await page.locator('.scene-card-body').innerText()
      expect(body).toBe(card.body[lang])
      // The racers the cards name are in the scene's legend, and the race legend names their batches.
      const legend = await page.locator('.scene-card-racers').innerText()
      for (const label of labels) expect(legend).toContain(label)
      const chips = page.locator('.race-legend')
      await expect(chips).toContainText(lang === 'en' ? 'full batch' : '全批量')
      await expect(chips).toContainText(lang === 'en' ? 'batch size 5' : '批量大小 5')
      await expect(chips).toContainText(lang === 'en' ? 'batch size 1' : '批量大小 1')

      if (card.id === 'epoch') {
        // "Full batch makes 1 update per epoch, batch size 5 makes 6 and batch size 1 makes 30": updates over
        // epochs as the legend counts them, once each racer has moved.
        const [, perFull, , perFive, , perOne] = numbersIn(body)
        await expect.poll(() => attr(page, 'r2', 'updates'), { timeout: 30_000 }).toBeGreaterThan(30)
        for (const [id, per] of [
          ['r0', perFull],
          ['r1', perFive],
          ['r2', perOne],
        ] as const) {
          // Both read in one go: the race is playing and the legend moves between two reads.
          const ratio = await progress(page, id).evaluate(
            (el: HTMLElement) => Number(el.dataset.updates) / Number(el.dataset.epochs),
          )
          expect(ratio, id).toBeCloseTo(per, 9)
        }
      }

      if (card.id === 'batch-one') {
        // The cloud of every mini-batch step: a single point for the full batch, wider for B = 1 than B = 5.
        await expect(page.getByTestId('surface-cloud-legend')).toBeVisible()
        await expect.poll(() => cloud(page, 'r2')).toBeGreaterThan(0)
        await expect.poll(() => cloud(page, 'r1')).toBeGreaterThan(0)
        expect(await cloud(page, 'r0')).toBeLessThan(1e-9)
        expect(await cloud(page, 'r2')).toBeGreaterThan(await cloud(page, 'r1'))
      }

      if (card.id === 'per-epoch') {
        await page.getByTestId('scene-card-action').click()
        await expect(cards(page)).toHaveAttribute('data-applied', '1')
        await expect.poll(() => attr(page, 'r2', 'updates'), { timeout: 30_000 }).toBe(300)
        const [epochs, fullUpdates, fullLoss, minimum, , fiveUpdates, , oneUpdates, about] = numbersIn(body)
        // Same 10 epochs for everyone.
        for (const id of ['r0', 'r1', 'r2']) expect(await attr(page, id, 'epochs')).toBe(epochs)
        expect(await attr(page, 'r0', 'updates')).toBe(fullUpdates)
        expect(await attr(page, 'r1', 'updates')).toBe(fiveUpdates)
        expect(await attr(page, 'r2', 'updates')).toBe(oneUpdates)
        // The losses the card quotes, as the legend shows them (3 significant digits).
        await expect(progress(page, 'r0')).toContainText(`L = ${fullLoss}`)
        expect(Number((await attr(page, 'r0', 'loss')).toPrecision(3))).toBe(fullLoss)
        for (const id of ['r1', 'r2']) {
          const loss = await attr(page, id, 'loss')
          expect(loss.toFixed(2)).toBe(String(about))
          expect(loss).toBeGreaterThan(minimum - 1e-3)
        }
        // The noise cloud shrinks with the batch here too (near the minimum).
        await expect.poll(() => cloud(page, 'r1')).toBeGreaterThan(0)
        expect(await cloud(page, 'r2')).toBeGreaterThan(await cloud(page, 'r1'))
        expect(await cloud(page, 'r0')).toBeLessThan(1e-9)
      }

      await keepScreenshot(page, `scene-batch-size-${lang}-card${i + 1}`)
      if (i < scene.cards.length - 1) await page.getByTestId('scene-card-next').click()
    }
    expectNoErrors()
  })
}

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['projector', { width: 1920, height: 1080 }],
] as const) {
  test(`scene 6 at the end of card 5 on a ${name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    await page.goto('./?lang=zh&scene=batch-size&card=4')
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', {
      timeout: 30_000,
    })
    await page.getByTestId('scene-card-action').click()
    await expect.poll(() => attr(page, 'r2', 'updates'), { timeout: 30_000 }).toBe(300)
    await keepScreenshot(page, `scene-batch-size-zh-card5-${name}`)
    await context.close()
  })
}
