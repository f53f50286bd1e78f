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

/** What the PCA landscape of `run` shows: the path point on screen and the explained variance. */
async function pathShown(page: Page, run: 'a' | 'b') {
  const fig = page.getByTestId(`lab-landscape-${run}`)
  const variance = (await fig.getAttribute('data-variance')) ?? ''
  return {
    epoch: Number(await fig.getAttribute('data-path-epoch')),
    alpha: Number(await fig.getAttribute('data-path-alpha')),
    beta: Number(await fig.getAttribute('data-path-beta')),
    points: Number(await fig.getAttribute('data-path-points')),
    variance: variance === '' ? [] : variance.split(',').map(Number),
  }
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))

test('PCA planes: the path follows the scrubber, with its explained variance; the interpolation ends at the landscapes’ losses', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('classifier-lab')).toContainText('300 rows')
  await page.getByTestId('lab-train').click()
  await expect(page.getByTestId('lab-status')).toHaveText('Done', { timeout: 90_000 })
  await expect.poll(async () => (await drawn(page, 'b')).epoch, { timeout: 30_000 }).toBe(800)
  await expect.poll(async () => (await drawn(page, 'a')).epoch, { timeout: 30_000 }).toBe(800)

  // The interpolation lines end (t = 1) at the networks' current losses: the landscapes' centers.
  const interp = page.getByTestId('lab-interpolation')
  await expect(interp).toHaveAttribute('data-epoch', '800', { timeout: 30_000 })
  for (const run of ['a', 'b'] as const) {
    const end = Number(await interp.getAttribute(`data-end-${run}`))
    expect(near(end, (await drawn(page, run)).loss)).toBe(true)
  }
  // Both start from the same initial weights; without L2 the loss there is the data term alone, so smaller.
  const startA = Number(await interp.getAttribute('data-start-a'))
  const startB = Number(await interp.getAttribute('data-start-b'))
  expect(startA).toBeGreaterThan(0)
  expect(startB).toBeGreaterThan(startA)
  await expect(page.getByTestId('lab-interpolation-legend').locator('li')).toHaveCount(3)
  await expect(page.getByTestId('lab-interpolation-ends')).toContainText('epoch 800')

  // Each network on its own PCA plane: the projected path ends at the center, with its explained variance.
  await page
    .getByTestId('lab-landscape-directions')
    .getByRole('button', { name: 'Each on its own PCA plane' })
    .click()
  await expect(page.getByTestId('lab-landscape-a')).toHaveAttribute('data-variance', /,/, { timeout: 30_000 })
  await expect(page.getByTestId('lab-landscape-b')).toHaveAttribute('data-variance', /,/, { timeout: 30_000 })
  await expect(page.getByTestId('lab-landscape-reroll')).toHaveCount(0)
  for (const run of ['a', 'b'] as const) {
    const shown = await pathShown(page, run)
    expect(shown.points).toBeGreaterThan(100)
    expect(shown.epoch).toBe(800)
    expect(Math.abs(shown.alpha)).toBeLessThan(1e-9)
    expect(Math.abs(shown.beta)).toBeLessThan(1e-9)
    expect(shown.variance[0]).toBeGreaterThan(0.3)
    expect(shown.variance[0] + shown.variance[1]).toBeLessThanOrEqual(1 + 1e-12)
    await expect(page.getByTestId(`lab-landscape-variance-${run}`)).toContainText('PCA plane: d₁ holds')
    await expect(page.getByTestId(`lab-honesty-${run}`)).toBeVisible()
    // The landscapes' numbers are of the same weights in either mode.
    expect(near((await drawn(page, run)).loss, Number(await interp.getAttribute(`data-end-${run}`)))).toBe(
      true,
    )
  }
  await page.getByTestId('lab-landscapes').scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'loss-landscapes-pca-1280-en')

  // The scrubber moves the path's point back along the path, without recomputing the plane.
  const before = await pathShown(page, 'a')
  await page.getByTestId('lab-scrubber').fill('100')
  await expect.poll(async () => (await pathShown(page, 'a')).epoch).toBeLessThanOrEqual(100)
  const back = await pathShown(page, 'a')
  expect(back.epoch).toBeGreaterThan(90)
  expect(Math.hypot(back.alpha - before.alpha, back.beta - before.beta)).toBeGreaterThan(0)
  expect(back.variance).toEqual(before.variance)
  await keepScreenshot(page, 'loss-landscapes-pca-scrub-1280-en')
  await page.getByTestId('lab-scrubber').fill('0')
  await expect.poll(async () => (await pathShown(page, 'a')).epoch).toBe(0)
  // The path starts at the lower left (α ≤ 0, β ≤ 0: trajectoryPlane's sign convention).
  const start = await pathShown(page, 'a')
  expect(start.alpha).toBeLessThan(0)
  expect(start.beta).toBeLessThanOrEqual(0)

  await page.getByTestId('lab-interpolation').scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'lab-interpolation-1280-en')
  expectNoErrors()
})

for (const { lang, width, height, presenter } of [
  { lang: 'zh', width: 1280, height: 800, presenter: false },
  { lang: 'en', width: 390, height: 844, presenter: false },
  { lang: 'zh', width: 390, height: 844, presenter: false },
  { lang: 'en', width: 1920, height: 1080, presenter: true },
  { lang: 'zh', width: 1920, height: 1080, presenter: true },
]) {
  test(`PCA planes and the interpolation chart (${lang}, ${width}×${height}${presenter ? ', presenter' : ''})`, async ({
    page,
  }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.setViewportSize({ width, height })
    await page.goto(`./?lang=${lang}${presenter ? '&presenter=1' : ''}`)
    await page.getByTestId('nav-classifier').click()
    await expect(page.getByTestId('classifier-lab')).toContainText('300')
    await page.getByTestId('lab-landscape-directions').getByRole('button').nth(1).click()
    await page.getByTestId('lab-train').click()
    await expect.poll(async () => (await drawn(page, 'b')).epoch, { timeout: 90_000 }).toBe(800)
    await expect.poll(async () => (await pathShown(page, 'b')).epoch, { timeout: 30_000 }).toBe(800)
    await page.getByTestId('lab-scrubber').fill('300')
    await expect.poll(async () => (await pathShown(page, 'a')).epoch).toBe(300)
    await page.getByTestId('lab-landscapes').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `loss-landscapes-pca-${width}-${lang}`)
    await page.getByTestId('lab-honesty-a').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `lab-honesty-${width}-${lang}`)
    await expect(page.getByTestId('lab-interpolation')).toHaveAttribute('data-epoch', '800', {
      timeout: 30_000,
    })
    await page.getByTestId('lab-interpolation').scrollIntoViewIfNeeded()
    await keepScreenshot(page, `lab-interpolation-${width}-${lang}`)
    expectNoErrors()
  })
}
