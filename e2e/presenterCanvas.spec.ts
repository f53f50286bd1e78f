import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * Presenter mode reaches what the canvases draw (issue #9): every font the surface's and the charts' canvases
 * are given is ≥ 24 px and every path the trail canvas strokes ≥ 3 px at 1920×1080, read from an instrumented
 * 2D context in the page (each canvas's font and lineWidth assignments are recorded as they happen, and each
 * stroke with its colour and width).
 */
const instrument = () => {
  const seen = new Map<
    HTMLCanvasElement,
    { fonts: number[]; widths: number[]; strokes: { color: string; width: number }[] }
  >()
  ;(window as unknown as { canvasLog: typeof seen }).canvasLog = seen
  const proto = CanvasRenderingContext2D.prototype
  const font = Object.getOwnPropertyDescriptor(proto, 'font')!
  const width = Object.getOwnPropertyDescriptor(proto, 'lineWidth')!
  const log = (ctx: CanvasRenderingContext2D) => {
    let entry = seen.get(ctx.canvas)
    if (entry === undefined) seen.set(ctx.canvas, (entry = { fonts: [], widths: [], strokes: [] }))
    return entry
  }
  const stroke = proto.stroke
  proto.stroke = function (this: CanvasRenderingContext2D, ...args: [] | [Path2D]) {
    log(this).strokes.push({ color: String(this.strokeStyle), width: this.lineWidth })
    return stroke.apply(this, args as [Path2D])
  }
  Object.defineProperty(proto, 'font', {
    ...font,
    set(this: CanvasRenderingContext2D, v: string) {
      const px = /([\d.]+)px/.exec(v)
      if (px !== null) log(this).fonts.push(Number(px[1]))
      font.set!.call(this, v)
    },
  })
  Object.defineProperty(proto, 'lineWidth', {
    ...width,
    set(this: CanvasRenderingContext2D, v: number) {
      log(this).widths.push(v)
      width.set!.call(this, v)
    },
  })
}

/** The smallest font and line width each of the selected canvases was given. */
const smallest = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const log = (window as unknown as { canvasLog: Map<Element, { fonts: number[]; widths: number[] }> })
      .canvasLog
    return [...document.querySelectorAll(sel)].map((c) => {
      const e = log.get(c) ?? { fonts: [], widths: [] }
      return {
        fonts: e.fonts.length ? Math.min(...e.fonts) : null,
        widths: e.widths.length ? Math.min(...e.widths) : null,
      }
    })
  }, selector)

for (const [w, h, font, path] of [
  [1920, 1080, 24, 3],
  [1280, 720, 16, 2],
] as const)
  test(`presenter mode at ${w}×${h}: canvas text ≥ ${font} px, paths ≥ ${path} px`, async ({ page }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.addInitScript(instrument)
    await page.setViewportSize({ width: w, height: h })
    await page.goto('/?presenter=1&lang=en&speed=1000')
    const panel = page.getByTestId('surface-panel')
    await expect(panel).toHaveAttribute('data-grid-ready', '1', { timeout: 20_000 })
    // The panel passes the presenter's scale and the projector profile down (text, line, profile).
    const scale = (await panel.locator('.surface-stage').getAttribute('data-draw-scale'))!.split(',')
    expect(Number(scale[0]) * 11).toBeCloseTo(font, 1)
    expect(Number(scale[1]) * 1.25).toBeCloseTo(path, 1)
    expect(scale[2]).toBe('projector')
    await expect(page.getByTestId('step-counter')).toContainText(/500 \/ 500|500/, { timeout: 20_000 })
    const [base, trail] = await smallest(page, '.surface-stage canvas')
    expect(base.fonts).toBeGreaterThanOrEqual(font - 1e-6)
    expect(trail.widths).toBeGreaterThanOrEqual(path - 1e-6)
    for (const c of await smallest(page, '.chart-box canvas.chart-base'))
      if (c.fonts !== null) expect(c.fonts).toBeGreaterThanOrEqual(font - 1e-6)
    await keepScreenshot(page, `presenter-canvas-${w}x${h}`)
    expectNoErrors()
  })

/** The widths of the strokes the selected canvases drew in `color` (a #rrggbb the page's canvases report). */
const strokeWidths = (page: Page, selector: string, color: string) =>
  page.evaluate(
    ([sel, c]) => {
      const log = (
        window as unknown as { canvasLog: Map<Element, { strokes: { color: string; width: number }[] }> }
      ).canvasLog
      return [...document.querySelectorAll(sel)].flatMap((el) =>
        (log.get(el)?.strokes ?? []).filter((s) => s.color === c).map((s) => s.width),
      )
    },
    [selector, color] as const,
  )

for (const [lang, done] of [
  ['en', 'Done'],
  ['zh', '完成'],
] as const)
  test(`the classifier lab in presenter mode at 1920×1080 in ${lang}: curves and spectrum text ≥ 24 px, curves ≥ 3 px`, async ({
    page,
  }) => {
    const { expectNoErrors } = watchErrors(page)
    await page.addInitScript(instrument)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`/?presenter=1&lang=${lang}&lab=reg`)
    await page.getByTestId('nav-classifier').click()
    const curves = page.locator('.lab-curves')
    await expect(curves).toBeVisible({ timeout: 20_000 })
    // The training curves get the presenter's scale and the projector profile, as the boundaries do.
    const scale = (await curves.getAttribute('data-draw-scale'))!.split(',')
    expect(Number(scale[0]) * 11).toBeCloseTo(24, 1)
    expect(Number(scale[1]) * 1.25).toBeCloseTo(3, 1)
    expect(scale[2]).toBe('projector')
    expect(
      await page.getByTestId('lab-view-a').locator('[data-draw-scale]').getAttribute('data-draw-scale'),
    ).toBe(scale.join(','))
    await page.getByTestId('lab-train').click()
    await expect(page.getByTestId('lab-status')).toHaveText(done, { timeout: 40_000 })
    for (const c of await smallest(page, '.lab-curves canvas'))
      expect(c.fonts).toBeGreaterThanOrEqual(24 - 1e-6)
    // Run A's curves (loss and accuracy, #0072b2) and run B's (#d55e00): every stroke ≥ 3 px.
    for (const color of ['#0072b2', '#d55e00']) {
      const widths = await strokeWidths(page, '.lab-curves canvas', color)
      expect(widths.length, `strokes in ${color}`).toBeGreaterThan(0)
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(3 - 1e-6)
    }
    await curves.scrollIntoViewIfNeeded()
    await keepScreenshot(page, `presenter-lab-curves-1920x1080-${lang}`)
    // The Hessian spectrum of both trained networks, at the same scale.
    await page.getByTestId('lab-hessian').click()
    const spectrum = page.getByTestId('lab-spectrum-a')
    await expect(spectrum).toBeVisible({ timeout: 30_000 })
    expect(await spectrum.locator('[data-draw-scale]').getAttribute('data-draw-scale')).toBe(scale.join(','))
    for (const c of await smallest(page, '.lab-spectrum canvas')) {
      expect(c.fonts).toBeGreaterThanOrEqual(24 - 1e-6)
      expect(c.widths).toBeGreaterThanOrEqual(Number(scale[1]) - 1e-6) // 1 px lines × line
    }
    await spectrum.scrollIntoViewIfNeeded()
    await keepScreenshot(page, `presenter-lab-spectrum-1920x1080-${lang}`)
    await page.evaluate(() => window.scrollTo(0, 0))
    await keepScreenshot(page, `presenter-lab-1920x1080-${lang}`)
    expectNoErrors()
  })
