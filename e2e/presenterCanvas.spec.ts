import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * Presenter mode reaches what the canvases draw (issue #9): every font the surface's and the charts' canvases
 * are given is ≥ 24 px and every path the trail canvas strokes ≥ 3 px at 1920×1080, read from an instrumented
 * 2D context in the page (each canvas's font and lineWidth assignments are recorded as they happen).
 */
const instrument = () => {
  const seen = new Map<HTMLCanvasElement, { fonts: number[]; widths: number[] }>()
  ;(window as unknown as { canvasLog: typeof seen }).canvasLog = seen
  const proto = CanvasRenderingContext2D.prototype
  const font = Object.getOwnPropertyDescriptor(proto, 'font')!
  const width = Object.getOwnPropertyDescriptor(proto, 'lineWidth')!
  const log = (ctx: CanvasRenderingContext2D) => {
    let entry = seen.get(ctx.canvas)
    if (entry === undefined) seen.set(ctx.canvas, (entry = { fonts: [], widths: [] }))
    return entry
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
