import { expect, test, type Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1920, height: 1080 },
] as const

const PAIR = 's=himmelblau&r=sgd(lecture,lr:0.01)~momentum(lecture,lr:0.004,m:0.9)&steps=300'

/** Polls a map's data-side until it is done, returning every side seen on the way (the levels observed). */
async function watchLevels(page: Page, testId: string): Promise<number[]> {
  const map = page.getByTestId(testId)
  const seen: number[] = []
  const until = Date.now() + 90_000
  while (Date.now() < until) {
    const side = Number(await map.getAttribute('data-side'))
    if (side > 0 && seen[seen.length - 1] !== side) {
      seen.push(side)
      // Worker-side time from the start message to this level (a figure for the report, not an assertion).
      console.log(`basin level ${side}×${side} at ${await map.getAttribute('data-elapsed')} ms`)
    }
    if ((await map.getAttribute('data-done')) === 'true') break
    await page.waitForTimeout(10)
  }
  // The last level may have arrived between the two reads above.
  const last = Number(await map.getAttribute('data-side'))
  if (seen[seen.length - 1] !== last) seen.push(last)
  console.log(`basin map done at ${last}×${last}, ${await map.getAttribute('data-elapsed')} ms`)
  return seen
}

test('the basin maps appear coarse first and refine to 65×65; momentum’s map differs from plain GD’s', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto(`./?lang=en&${PAIR}`)
  await page.getByTestId('basin-toggle').click()
  const seen = await watchLevels(page, 'basin-map-0')
  // At least two levels were on screen before the last one, and the last is the full 65×65.
  expect(seen.length).toBeGreaterThanOrEqual(2)
  expect(seen[seen.length - 1]).toBe(65)
  expect(seen).toEqual([...seen].sort((a, b) => a - b))
  await expect(page.getByTestId('basin-map-1')).toHaveAttribute('data-done', 'true', { timeout: 30_000 })
  const counts = async (id: string) =>
    JSON.parse((await page.getByTestId(id).getAttribute('data-counts')) ?? '{}') as Record<string, number>
  const a = await counts('basin-map-0')
  const b = await counts('basin-map-1')
  // Himmelblau's four minima are all reached from some start, and the two optimizers' maps differ.
  for (const m of ['0', '1', '2', '3']) expect(a[m]).toBeGreaterThan(0)
  expect(a).not.toEqual(b)
  expectNoErrors()
})

test('the stability band is drawn on the η chart and names where η passes the limit', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  // Booth: λ_max = 18, so 2/λ_max ≈ 0.111; η = 0.115 bounces from the first step, η = 0.1 never does.
  await page.goto('./?lang=en&s=booth&r=sgd(lecture,lr:0.115)~sgd(lecture,lr:0.1)&steps=200')
  const band = page.getByTestId('chart-stability')
  await expect(band).toHaveAttribute('data-bands', '2', { timeout: 15_000 })
  const rows = page.locator('.charts-band-legend li')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute('data-first-unstable', '0')
  await expect(rows.nth(1)).toHaveAttribute('data-first-unstable', '-1')
  // The band canvas is not blank: some pixel carries the tint or the dashed line.
  const painted = await band.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let n = 0
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++
    return n
  })
  expect(painted).toBeGreaterThan(100)
  expectNoErrors()
})

test('the slice chart holds L along the line: x² − y² on the classic saddle, before and after a 90° turn', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=en&s=saddle-classic')
  await page.getByTestId('slice-toggle').click()
  const chart = page.getByTestId('slice-chart')
  const read = async () => {
    await expect(chart).not.toHaveAttribute('data-values', '', { timeout: 20_000 })
    const from = JSON.parse((await chart.getAttribute('data-from'))!) as [number, number]
    const to = JSON.parse((await chart.getAttribute('data-to'))!) as [number, number]
    const values = JSON.parse((await chart.getAttribute('data-values'))!) as number[]
    return { from, to, values }
  }
  const check = ({ from, to, values }: Awaited<ReturnType<typeof read>>) => {
    expect(values).toHaveLength(101)
    values.forEach((v, i) => {
      // Independent of the core: the formula of the classic saddle, L = w₁² − w₂².
      const x = from[0] + (i / 100) * (to[0] - from[0])
      const y = from[1] + (i / 100) * (to[1] - from[1])
      expect(Math.abs(v - (x * x - y * y))).toBeLessThan(1e-12)
    })
  }
  const along = await read()
  // The default line runs through the saddle along w₁: a minimum there (the middle is the lowest value).
  expect(along.from[1]).toBe(0)
  check(along)
  expect(Math.min(...along.values)).toBe(along.values[50])
  await page.getByTestId('slice-rotate').click()
  await expect(chart).not.toHaveAttribute('data-from', JSON.stringify(along.from), { timeout: 20_000 })
  const across = await read()
  check(across)
  expect(Math.max(...across.values)).toBe(across.values[50])
  // Typed end points move the line too.
  await page.getByTestId('slice-to-0').fill('1')
  await page.getByTestId('slice-to-0').press('Enter')
  await expect(chart).toHaveAttribute('data-to', /^\[1,/, { timeout: 20_000 })
  check(await read())
  expectNoErrors()
})

test('the figure-3.5 scene opens with the slice beside the surface', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  for (const lang of ['en', 'zh'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`./?lang=${lang}&scene=slice-saddle`)
    await expect(page.getByTestId('slice-chart')).not.toHaveAttribute('data-values', '', { timeout: 15_000 })
    await keepScreenshot(page, `scene-slice-saddle-${lang}-desktop`)
  }
  expectNoErrors()
})

for (const lang of ['en', 'zh'] as const) {
  for (const size of SIZES) {
    test(`screenshots: basin pair and stability band, ${lang}, ${size.name}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.goto(`./?lang=${lang}&${PAIR}`)
      await page.getByTestId('basin-toggle').click()
      await expect(page.getByTestId('basin-map-1')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
      await page.getByTestId('basin-panel').scrollIntoViewIfNeeded()
      await keepScreenshot(page, `basins-pair-${lang}-${size.name}`)
      await page.goto(
        `./?lang=${lang}&s=booth&r=sgd(lecture,lr:0.115)~momentum(lecture,lr:0.2,m:0.9)&steps=200`,
      )
      await expect(page.getByTestId('chart-stability')).toHaveAttribute('data-bands', '2', {
        timeout: 15_000,
      })
      await page.getByTestId('chart-lr').scrollIntoViewIfNeeded()
      await keepScreenshot(page, `stability-band-${lang}-${size.name}`)
    })
  }
}
