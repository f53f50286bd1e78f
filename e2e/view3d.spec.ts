import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

// The 3D view of issue #13: three.js on WebGL (SwiftShader in headless Chromium), linked to the 2D map's
// playhead, with its 2D / 3D / side-by-side switch in the link, a fallback without WebGL, and the embed.

const panel3d = (page: Page) => page.getByTestId('surface3d-panel')

// SwiftShader renders on the CPU, shared here with the worker and other jobs: allow each test its time.
test.describe.configure({ timeout: 180_000 })

/** A screenshot (PNG, base64) decoded to its RGBA pixels in the page: `window.decodePng`, installed before each test. */
type DecodePng = (png: string) => Promise<ImageData>
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    ;(window as unknown as { decodePng: DecodePng }).decodePng = async (png) => {
      const img = new Image()
      img.src = `data:image/png;base64,${png}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      return ctx.getImageData(0, 0, c.width, c.height)
    }
  })
})

/**
 * Pixel statistics of what is on screen inside `locator` (a page screenshot, so the WebGL canvas is read as
 * the user sees it, whatever its drawing buffer keeps): the standard deviation of the luminance, the number of
 * distinct colours (quantised to 4 bits a channel), and the mean colour of a (2r + 1)² square around each of
 * `points` (CSS px relative to the element).
 */
async function pixels(
  page: Page,
  locator: Locator,
  points: readonly (readonly [number, number])[] = [],
  r = 2,
): Promise<{ std: number; colours: number; at: [number, number, number][] }> {
  const png = (await locator.screenshot()).toString('base64')
  return page.evaluate(
    async ({ png, points, r }) => {
      const c = await (window as unknown as { decodePng: DecodePng }).decodePng(png)
      const { data } = c
      let sum = 0
      let sq = 0
      const seen = new Set<number>()
      const n = data.length / 4
      for (let i = 0; i < n; i++) {
        const [R, G, B] = [data[4 * i], data[4 * i + 1], data[4 * i + 2]]
        const l = 0.2126 * R + 0.7152 * G + 0.0722 * B
        sum += l
        sq += l * l
        seen.add(((R >> 4) << 8) | ((G >> 4) << 4) | (B >> 4))
      }
      const mean = sum / n
      // The screenshot is in device px; the points in CSS px.
      const scale =
        c.width / (document.querySelector('[data-testid="surface3d-canvas"]')!.clientWidth || c.width)
      const at = points.map(([x, y]) => {
        const acc = [0, 0, 0]
        let k = 0
        for (let dy = -r; dy <= r; dy++)
          for (let dx = -r; dx <= r; dx++) {
            const px = Math.round(x * scale) + dx
            const py = Math.round(y * scale) + dy
            if (px < 0 || py < 0 || px >= c.width || py >= c.height) continue
            const o = 4 * (py * c.width + px)
            acc[0] += data[o]
            acc[1] += data[o + 1]
            acc[2] += data[o + 2]
            k++
          }
        return acc.map((v) => v / Math.max(1, k)) as [number, number, number]
      })
      return { std: Math.sqrt(Math.max(0, sq / n - mean * mean)), colours: seen.size, at }
    },
    { png, points, r },
  )
}

const ballPx = async (page: Page): Promise<[number, number]> => {
  const raw = await panel3d(page).getAttribute('data-ball-px')
  const [x, y] = (raw ?? 'NaN,NaN').split(',').map(Number)
  return [x, y]
}

/** Waits for the 3D view to show a surface (and at least one frame after it). */
async function ready3d(page: Page): Promise<void> {
  // three.js's chunk and SwiftShader's first compile take seconds on a busy machine.
  await expect(panel3d(page)).toHaveAttribute('data-ready', '1', { timeout: 30_000 })
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', /^\d+$/, { timeout: 30_000 })
  await expect
    .poll(async () => (await pixels(page, page.getByTestId('surface3d-canvas'))).std, { timeout: 20_000 })
    .toBeGreaterThan(20)
}

test('the 3D view draws the surface with WebGL, and its ball follows the shared playhead', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  // Racer r2 (vermillion, #d55e00) selected: its ball is the one the panel reports.
  await page.goto('./?lang=en&surf=3d&sel=r2&steps=300&speed=100')
  await ready3d(page)
  const canvas = page.getByTestId('surface3d-canvas')
  const stats = await pixels(page, canvas)
  // A lit, coloured mesh with contour lines: far from a blank or one-colour canvas.
  expect(stats.std).toBeGreaterThan(20)
  expect(stats.colours).toBeGreaterThan(100)
  await expect(page.getByTestId('surface-panel')).toHaveCount(0)

  // Scrub: the ball stands on the point the playhead names (the 2D marker's rule), and moves on screen.
  const timeline = page.getByTestId('timeline')
  await page.getByTestId('transport-end').click()
  await expect.poll(async () => Number(await timeline.inputValue())).toBeGreaterThan(200)
  await timeline.fill('20')
  await expect(page.getByTestId('step-counter')).toContainText('20')
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '20')
  await expect(panel3d(page)).toHaveAttribute('data-ball-racer', 'r2')
  const at20 = await ballPx(page)
  await timeline.fill('150')
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '150')
  await expect.poll(async () => (await ballPx(page)).join()).not.toBe(at20.join())
  const at150 = await ballPx(page)
  // The reported position is where the vermillion ball is drawn: red well above blue there.
  const [colour] = (await pixels(page, canvas, [at150], 1)).at
  expect(colour[0] - colour[2]).toBeGreaterThan(60)
  await keepScreenshot(page, 'view3d-3d-desktop-en')

  // Keyboard: → turns the camera (the ball moves on screen, not on the surface), 0 puts it back.
  await canvas.focus()
  await canvas.press('ArrowRight')
  await expect.poll(async () => (await ballPx(page)).join()).not.toBe(at150.join())
  await canvas.press('+')
  await canvas.press('0')
  await expect.poll(async () => (await ballPx(page)).join()).toBe(at150.join())
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '150')
  expectNoErrors()
})

/** Pixels of two PNG screenshots of one size that differ by more than `tolerance` in some channel. */
async function differingPixels(page: Page, a: Buffer, b: Buffer, tolerance = 1): Promise<number> {
  return page.evaluate(
    async ({ a, b, tolerance }) => {
      const read = (window as unknown as { decodePng: DecodePng }).decodePng
      const [x, y] = [await read(a), await read(b)]
      if (x.width !== y.width || x.height !== y.height) return Infinity
      let n = 0
      for (let i = 0; i < x.data.length; i += 4)
        for (let k = 0; k < 3; k++)
          if (Math.abs(x.data[i + k] - y.data[i + k]) > tolerance) {
            n++
            break
          }
      return n
    },
    { a: a.toString('base64'), b: b.toString('base64'), tolerance },
  )
}

test('a frame that copies the kept surface is the frame drawn in full, pixel for pixel', async ({ page }) => {
  // Under SwiftShader the surface is drawn once and copied (colour and depth) while only the racers move;
  // the copy must not change the picture: not the colours, not which parts of a path a hill hides.
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en&surf=3d&sel=r2&steps=300&speed=100')
  await ready3d(page)
  await page.getByTestId('transport-end').click()
  await expect.poll(async () => Number(await page.getByTestId('timeline').inputValue())).toBeGreaterThan(200)
  await page.getByTestId('timeline').fill('150')
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '150')
  // A low camera, so the saddle's near ridge hides parts of the paths: the depth must come back too.
  const canvas = page.getByTestId('surface3d-canvas')
  await canvas.focus()
  for (let i = 0; i < 5; i++) await canvas.press('ArrowDown')
  await expect(panel3d(page)).toHaveAttribute('data-frame', 'direct')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const full = await canvas.screenshot()
  // One step on keeps the surface (a capture frame), one step back copies it.
  await page.getByTestId('transport-step').click()
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '151')
  await expect(panel3d(page)).toHaveAttribute('data-frame', 'capture')
  await page.getByTestId('transport-back').click()
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '150')
  await expect(panel3d(page)).toHaveAttribute('data-frame', 'copy')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const copied = await canvas.screenshot()
  // The same picture: a lit surface with paths (not blank), and no pixel off by more than one level.
  expect((await pixels(page, canvas)).std).toBeGreaterThan(20)
  expect(await differingPixels(page, full, copied)).toBe(0)
  expectNoErrors()
})

test('the switch: 2D, 3D and side by side, carried by the link', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', { timeout: 30_000 })
  await expect(page.getByTestId('surface-mode-2d')).toHaveAttribute('aria-pressed', 'true')
  await expect(panel3d(page)).toHaveCount(0)

  await page.getByTestId('surface-mode-3d').click()
  await ready3d(page)
  await expect(page.getByTestId('surface-panel')).toHaveCount(0)
  await expect.poll(() => page.url()).toContain('surf=3d')

  await page.getByTestId('surface-mode-both').click()
  await expect(page.getByTestId('surface-both')).toBeVisible()
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', { timeout: 30_000 })
  await ready3d(page)
  await expect.poll(() => page.url()).toContain('surf=both')
  // Side by side at this width: the 3D view to the right of the map.
  const map = (await page.getByTestId('surface-panel').boundingBox())!
  const view = (await panel3d(page).boundingBox())!
  expect(view.x).toBeGreaterThan(map.x + map.width - 1)
  await keepScreenshot(page, 'view3d-both-desktop-en')

  // Both views share one playhead.
  await page.getByTestId('transport-end').click()
  await expect.poll(async () => Number(await page.getByTestId('timeline').inputValue())).toBeGreaterThan(100)
  await page.getByTestId('timeline').fill('42')
  await expect(panel3d(page)).toHaveAttribute('data-ball-index', '42')

  await page.getByTestId('surface-mode-2d').click()
  await expect(panel3d(page)).toHaveCount(0)
  await expect.poll(() => page.url()).not.toContain('surf=')

  // A link reopens the mode.
  await page.goto('./?lang=zh&surf=both')
  await ready3d(page)
  await expect(page.getByTestId('surface-mode-both')).toHaveAttribute('aria-pressed', 'true')
  await keepScreenshot(page, 'view3d-both-desktop-zh')
  expectNoErrors()
})

test('without WebGL the switch is disabled with its reason, and the 2D map stays', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      kind: string,
      ...rest: unknown[]
    ) {
      if (/webgl/i.test(kind)) return null
      return (original as (...a: unknown[]) => unknown).call(this, kind, ...rest)
    } as typeof original
  })
  const requested: string[] = []
  page.on('request', (r) => requested.push(r.url()))
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('./?lang=en&surf=3d')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', { timeout: 30_000 })
  await expect(page.getByTestId('surface-mode-no-webgl')).toContainText('WebGL')
  await expect(page.getByTestId('surface-mode-3d')).toBeDisabled()
  await expect(page.getByTestId('surface-mode-both')).toBeDisabled()
  await expect(page.getByTestId('surface-mode-2d')).toHaveAttribute('aria-pressed', 'true')
  await expect(panel3d(page)).toHaveCount(0)
  expect(requested.some((u) => /\/assets\/surface3dScene-[\w-]+\.js$/.test(u))).toBe(false)
  await keepScreenshot(page, 'view3d-no-webgl-en')

  // The embed falls back the same way.
  await page.goto('./?embed=1&panel=surface3d&lang=zh')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', { timeout: 30_000 })
  await expect(page.getByTestId('surface-mode-no-webgl')).toContainText('WebGL')
  expectNoErrors()
})

test('embed panel=surface3d shows the 3D view chrome-free', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 800, height: 450 })
  await page.goto('./?embed=1&panel=surface3d&lang=en')
  await expect(page.getByTestId('embed-app')).toHaveAttribute('data-panel', 'surface3d')
  await ready3d(page)
  await expect(page.getByTestId('surface-mode')).toHaveCount(0)
  // The frame is not scrolled: the panel fits.
  const box = (await panel3d(page).boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(450)
  await keepScreenshot(page, 'view3d-embed-800x450-en')
  expectNoErrors()
})

for (const lang of ['en', 'zh'] as const)
  test(`screenshots (${lang}): 3D and side by side on a phone and a projector in presenter mode`, async ({
    page,
  }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`./?lang=${lang}&surf=3d`)
    await ready3d(page)
    await page.getByTestId('transport-end').click()
    await expect
      .poll(async () => Number(await page.getByTestId('timeline').inputValue()))
      .toBeGreaterThan(100)
    await keepScreenshot(page, `view3d-3d-phone-${lang}`)
    await page.goto(`./?lang=${lang}&surf=both`)
    await ready3d(page)
    await panel3d(page).scrollIntoViewIfNeeded()
    await keepScreenshot(page, `view3d-both-phone-${lang}`)

    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`./?lang=${lang}&surf=3d&presenter=1&scene=momentum-ball`)
    await ready3d(page)
    await page.getByTestId('transport-end').click()
    await keepScreenshot(page, `view3d-3d-presenter-${lang}`)
    await page.goto(`./?lang=${lang}&surf=both&presenter=1`)
    await ready3d(page)
    await page.getByTestId('transport-end').click()
    await keepScreenshot(page, `view3d-both-presenter-${lang}`)
    if (lang === 'en') {
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.goto(`./?lang=${lang}&surf=3d&s=rosenbrock`)
      await ready3d(page)
      await keepScreenshot(page, 'view3d-3d-rosenbrock-desktop-en')
    }
    expectNoErrors()
  })
