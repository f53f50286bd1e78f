import { expect, test, type Locator, type Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

const LOAD = { timeout: 20_000 }

/** Pixel ↔ parameter maps of the 2D map, read from the stage's data-plot and data-shown-view (linear, y up). */
async function mapOf(page: Page) {
  const stage = page.locator('.surface-stage')
  const [left, top, width, height] = (await stage.getAttribute('data-plot'))!.split(',').map(Number)
  const [x0, x1, y0, y1] = (await stage.getAttribute('data-shown-view'))!.split(',').map(Number)
  const box = (await page.getByTestId('surface-canvas').boundingBox())!
  return {
    /** Page coordinates of the parameter point p. */
    toPage: (p: [number, number]) => ({
      x: box.x + left + ((p[0] - x0) / (x1 - x0)) * width,
      y: box.y + top + ((y1 - p[1]) / (y1 - y0)) * height,
    }),
    /** Canvas-local CSS px of the parameter point p (independent of scrolling). */
    toLocal: (p: [number, number]) => ({
      x: left + ((p[0] - x0) / (x1 - x0)) * width,
      y: top + ((y1 - p[1]) / (y1 - y0)) * height,
    }),
    /** Parameter units per CSS pixel (the same on both axes: the map keeps square units). */
    unitsPerPx: (x1 - x0) / width,
  }
}

async function readSlice(chart: Locator) {
  await expect(chart).not.toHaveAttribute('data-values', '', LOAD)
  return {
    from: JSON.parse((await chart.getAttribute('data-from'))!) as [number, number],
    to: JSON.parse((await chart.getAttribute('data-to'))!) as [number, number],
    values: JSON.parse((await chart.getAttribute('data-values'))!) as number[],
  }
}

/** The chart holds L = w₁² − w₂² (the classic saddle's formula, independent of the app) along its own line. */
function expectSaddleValues({ from, to, values }: Awaited<ReturnType<typeof readSlice>>): void {
  expect(values).toHaveLength(101)
  values.forEach((v, i) => {
    const x = from[0] + (i / 100) * (to[0] - from[0])
    const y = from[1] + (i / 100) * (to[1] - from[1])
    expect(Math.abs(v - (x * x - y * y))).toBeLessThan(1e-12)
  })
}

const near = (a: [number, number], b: [number, number], tol: number) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]) <= tol

async function drag(page: Page, a: { x: number; y: number }, b: { x: number; y: number }) {
  await page.mouse.move(a.x, a.y)
  await page.mouse.down()
  for (let k = 1; k <= 10; k++)
    await page.mouse.move(a.x + ((b.x - a.x) * k) / 10, a.y + ((b.y - a.y) * k) / 10)
  await page.mouse.up()
}

test('a line dragged on the map is the slice: drawn with its ends, charted, kept by the link', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en&s=saddle-classic')
  const panel = page.getByTestId('surface-panel')
  await expect(panel).toHaveAttribute('data-grid-ready', '1', LOAD)
  await page.getByTestId('slice-toggle').click()
  const chart = page.getByTestId('slice-chart')
  await readSlice(chart)
  await page.getByTestId('slice-draw').click()
  await expect(page.getByTestId('slice-draw')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('surface-slice-mode')).toBeVisible()
  const view = await panel.getAttribute('data-view')
  // The map's plot in the viewport (pressing the toggle below scrolled the page down).
  await page.locator('.surface-stage').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const map = await mapOf(page)

  // A diagonal from (−1.5, −1) to (1, 1): the chart follows, and the map did not pan.
  const A: [number, number] = [-1.5, -1]
  const B: [number, number] = [1, 1]
  await drag(page, map.toPage(A), map.toPage(B))
  await expect.poll(async () => (await chart.getAttribute('data-from')) ?? '').not.toContain('[-2')
  const drawn = await readSlice(chart)
  expect(near(drawn.from, A, 1.5 * map.unitsPerPx)).toBe(true)
  expect(near(drawn.to, B, 1.5 * map.unitsPerPx)).toBe(true)
  expectSaddleValues(drawn)
  expect(await panel.getAttribute('data-view')).toBe(view)

  // The map draws the line: the slice colour (#1f5fbf) a quarter of the way along, on the top canvas.
  await keepScreenshot(page, 'slice-drawn-1280-en')
  const q = map.toLocal([A[0] + 0.25 * (B[0] - A[0]), A[1] + 0.25 * (B[1] - A[1])])
  // The pixel nearest in colour within 2 px of there (the line is anti-aliased).
  const diff = await page.getByTestId('surface-canvas').evaluate((c: HTMLCanvasElement, at) => {
    const k = c.width / c.getBoundingClientRect().width
    const r = Math.ceil(2 * k)
    const cx = Math.round(at.x * k)
    const cy = Math.round(at.y * k)
    const d = c.getContext('2d')!.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1).data
    let best = Infinity
    for (let i = 0; i < d.length; i += 4)
      if (d[i + 3] > 200)
        best = Math.min(best, Math.abs(d[i] - 0x1f) + Math.abs(d[i + 1] - 0x5f) + Math.abs(d[i + 2] - 0xbf))
    return best
  }, q)
  expect(diff).toBeLessThan(40)

  // Dragging an end moves that end only.
  const C: [number, number] = [1.5, -0.5]
  // The page may have moved (the chart below grew): read the map's place again.
  const m1 = await mapOf(page)
  await drag(page, m1.toPage(drawn.to), m1.toPage(C))
  await expect(chart).not.toHaveAttribute('data-to', JSON.stringify(drawn.to), LOAD)
  const moved = await readSlice(chart)
  expect(moved.from).toEqual(drawn.from)
  expect(near(moved.to, C, 1.5 * m1.unitsPerPx)).toBe(true)
  expectSaddleValues(moved)

  // The link keeps the line (the moved one: the link is written a moment after the change).
  const sliceInLink = () => new URL(page.url()).searchParams.get('slice')?.split(',').map(Number)
  await expect.poll(sliceInLink, LOAD).toEqual([...moved.from, ...moved.to])
  await page.reload()
  const again = await readSlice(page.getByTestId('slice-chart'))
  expect(again.from).toEqual(moved.from)
  expect(again.to).toEqual(moved.to)

  // Out of draw mode a drag pans again and the line stays.
  await expect(page.getByTestId('slice-draw')).toHaveAttribute('aria-pressed', 'false')
  await expect(panel).toHaveAttribute('data-grid-ready', '1', LOAD)
  const before = await panel.getAttribute('data-view')
  const m2 = await mapOf(page)
  await drag(page, m2.toPage([-0.5, -1.5]), m2.toPage([0.5, -1]))
  await expect(panel).not.toHaveAttribute('data-view', before ?? '', LOAD)
  expect(JSON.parse((await page.getByTestId('slice-chart').getAttribute('data-to'))!)).toEqual(moved.to)
  expectNoErrors()
})

test('a hostile slice in a link is ignored with a notice', async ({ page }) => {
  await page.goto('./?lang=en&s=saddle-classic&slice=%3Cscript%3E,1,2,3')
  await expect(page.getByTestId('slice-toggle')).toHaveAttribute('aria-expanded', 'false')
  await expect(
    page.locator('.notice, [role="alert"], [role="status"]').filter({ hasText: 'slice' }).first(),
  ).toBeVisible()
})

test.describe('touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  test('on a phone one finger draws the line in draw mode', async ({ page }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.goto('./?lang=zh&s=saddle-classic')
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', LOAD)
    await page.getByTestId('slice-toggle').tap()
    const chart = page.getByTestId('slice-chart')
    await readSlice(chart)
    await page.getByTestId('slice-draw').tap()
    await page.getByTestId('surface-canvas').scrollIntoViewIfNeeded()
    expect(await page.getByTestId('surface-canvas').evaluate((el) => getComputedStyle(el).touchAction)).toBe(
      'none',
    )
    const map = await mapOf(page)
    const A: [number, number] = [-1, 1]
    const B: [number, number] = [1, -1]
    const a = map.toPage(A)
    const b = map.toPage(B)
    const scrollY = await page.evaluate(() => window.scrollY)
    const cdp = await page.context().newCDPSession(page)
    const at = (t: number) => [{ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, id: 0 }]
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) })
    for (let k = 1; k <= 10; k++)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k / 10) })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await expect.poll(async () => (await chart.getAttribute('data-from')) ?? '').toMatch(/^\[-0\.9|^\[-1/)
    const drawn = await readSlice(chart)
    expect(near(drawn.from, A, 2 * map.unitsPerPx)).toBe(true)
    expect(near(drawn.to, B, 2 * map.unitsPerPx)).toBe(true)
    expectSaddleValues(drawn)
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY)
    await keepScreenshot(page, 'slice-drawn-390-zh')
    expectNoErrors()
  })
})

test('the slice line is drawn on the 3D view too, and goes with the tool', async ({ page }) => {
  test.setTimeout(180_000)
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en&s=saddle-classic&surf=3d&slice=-2,0.5,2,-0.5')
  const panel3d = page.getByTestId('surface3d-panel')
  await expect(panel3d).toHaveAttribute('data-ready', '1', { timeout: 60_000 })
  await readSlice(page.getByTestId('slice-chart'))
  const canvas = page.getByTestId('surface3d-canvas')
  // Pixels within a small distance of the slice blue (#1f5fbf), as the user sees the WebGL canvas.
  const bluePixels = async () => {
    const png = (await canvas.screenshot()).toString('base64')
    return page.evaluate(async (png) => {
      const img = new Image()
      img.src = `data:image/png;base64,${png}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const d = ctx.getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i] - 0x1f) + Math.abs(d[i + 1] - 0x5f) + Math.abs(d[i + 2] - 0xbf) < 40) n++
      return n
    }, png)
  }
  await expect.poll(bluePixels, { timeout: 30_000 }).toBeGreaterThan(100)
  const withLine = await bluePixels()
  await keepScreenshot(page, 'slice-3d-1280-en')
  await page.getByTestId('slice-toggle').click()
  await expect.poll(bluePixels, { timeout: 30_000 }).toBeLessThan(withLine / 4)
  expectNoErrors()
})
