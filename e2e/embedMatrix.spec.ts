import { expect, test } from '@playwright/test'
import type { Frame, Page } from '@playwright/test'
import { createServer } from 'node:http'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * The embed matrix (issue #9): every panel × controls × frame size, in an iframe of a page on another origin
 * (as course notes embed it). In each cell the panel's main figure is whole inside the frame without scrolling,
 * a surface shows one unit of w₁ as long as one unit of w₂, and the frame posts its content height (`resize`).
 */
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4173}`

const PANELS = ['surface', 'classifier', 'schedule'] as const
const CONTROLS = ['none', 'minimal', 'full'] as const
const SIZES = [
  [360, 300],
  [600, 400],
  [800, 450],
  [1280, 720],
] as const

/** The main figure of each panel: the surface's plot, both decision boundaries, the η schedule chart. */
const FIGURES: Record<(typeof PANELS)[number], string[]> = {
  surface: ['[data-testid="surface-panel"] .surface-stage'],
  classifier: [
    '[data-testid="lab-view-a"] .lab-view-canvas canvas',
    '[data-testid="lab-view-b"] .lab-view-canvas canvas',
  ],
  schedule: ['.chart-box-lr'],
}

const hostPage = (src: string, w: number, h: number) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Notes</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:8px">
<script>
  window.received = []
  window.addEventListener('message', (e) => {
    if (e.source === document.getElementById('pg').contentWindow) window.received.push(e.data)
  })
</script>
<iframe id="pg" src="${src}" width="${w}" height="${h}" title="Playground" style="border:0;display:block"></iframe>
</body></html>`

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** The figure's box in the frame's viewport, and whether it or an ancestor had to scroll to be shown. */
async function figureBox(frame: Frame, selector: string): Promise<{ box: Box; scrolled: number }> {
  return frame
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect()
      let scrolled = 0
      for (let p: Element | null = el.parentElement; p !== null; p = p.parentElement)
        scrolled += p.scrollTop + p.scrollLeft
      return { box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, scrolled }
    })
}

/** Every cell is checked and reported, then the test fails if any cell did. */
const soft = expect.configure({ soft: true })

let host: { origin: string; close(): Promise<void> }
let html = ''

test.beforeAll(async () => {
  host = await new Promise((done) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html)
    })
    server.listen(0, '127.0.0.1', () => {
      const a = server.address()
      const port = typeof a === 'object' && a !== null ? a.port : 0
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      })
    })
  })
})
test.afterAll(async () => host.close())

async function openCell(page: Page, panel: string, controls: string, w: number, h: number): Promise<Frame> {
  const src = `${APP_ORIGIN}/?embed=1&panel=${panel}&controls=${controls}&lang=en`
  html = hostPage(src, w, h)
  await page.setViewportSize({ width: w + 16, height: h + 16 })
  await page.goto(host.origin)
  const frame = page.frames().find((f) => f.url().startsWith(APP_ORIGIN))
  expect(frame, 'the iframe loaded').toBeDefined()
  await frame!.locator('[data-testid="embed-app"]').waitFor()
  return frame!
}

for (const panel of PANELS)
  test(`${panel}: the main figure fits every frame size and controls level`, async ({ page }) => {
    test.setTimeout(240_000)
    const { expectNoErrors } = watchErrors(page)
    for (const controls of CONTROLS)
      for (const [w, h] of SIZES) {
        const cell = `${panel} ${controls} ${w}×${h}`
        const frame = await openCell(page, panel, controls, w, h)
        // The figure has finished drawing: the surface's grid, the classifier's first epoch, the η chart.
        if (panel === 'surface')
          await soft(frame.locator('[data-testid="surface-panel"]'), cell).toHaveAttribute(
            'data-grid-ready',
            '1',
            {
              timeout: 20_000,
            },
          )
        if (panel === 'classifier')
          await soft(frame.locator('[data-testid="lab-epoch-a"]'), cell).not.toHaveText('', {
            timeout: 20_000,
          })
        if (panel === 'schedule') await expect(frame.locator('[data-testid="chart-lr"]'), cell).toBeVisible()

        for (const selector of FIGURES[panel]) {
          const { box, scrolled } = await figureBox(frame, selector)
          soft(scrolled, `${cell}: no scrolling to reach ${selector}`).toBe(0)
          soft(box.right - box.left, `${cell}: ${selector} has a width`).toBeGreaterThan(60)
          soft(box.bottom - box.top, `${cell}: ${selector} has a height`).toBeGreaterThan(60)
          soft(box.left, `${cell}: ${selector} left`).toBeGreaterThanOrEqual(0)
          soft(box.top, `${cell}: ${selector} top`).toBeGreaterThanOrEqual(0)
          soft(box.right, `${cell}: ${selector} right`).toBeLessThanOrEqual(w + 0.5)
          soft(box.bottom, `${cell}: ${selector} bottom`).toBeLessThanOrEqual(h + 0.5)
        }

        if (panel === 'surface') {
          // Square data aspect: units per pixel of w₁ across the plot = units per pixel of w₂ up it.
          const stage = frame.locator('[data-testid="surface-panel"] .surface-stage')
          const shown = ((await stage.getAttribute('data-shown-view')) ?? 'NaN,NaN,NaN,NaN')
            .split(',')
            .map(Number)
          const plot = ((await stage.getAttribute('data-plot')) ?? 'NaN,NaN,NaN,NaN').split(',').map(Number)
          const ux = (shown[1] - shown[0]) / plot[2]
          const uy = (shown[3] - shown[2]) / plot[3]
          soft(Math.abs(ux / uy - 1), `${cell}: square units (${ux} vs ${uy} per px)`).toBeLessThan(1e-6)
          // …and the plot area itself lies inside the frame.
          const stageBox = await figureBox(frame, '[data-testid="surface-panel"] .surface-stage')
          soft(stageBox.box.top + plot[1] + plot[3]).toBeLessThanOrEqual(h + 0.5)
        }
        if (controls === 'none' && panel === 'classifier')
          await soft(frame.getByTestId('lab-mode'), `${cell}: no mode switch without controls`).toBeHidden()

        // The frame told its host how tall its content is, through the versioned API.
        await soft
          .poll(
            async () =>
              (
                (await page.evaluate(() => (window as unknown as { received: unknown[] }).received)) as {
                  source?: string
                  version?: number
                  type?: string
                  height?: number
                }[]
              ).find((m) => m.type === 'resize' && m.source === 'loss-surface-playground' && m.version === 1),
            { message: `${cell}: resize message` },
          )
          .toMatchObject({ type: 'resize', height: expect.any(Number) })
        await keepScreenshot(page, `embed-matrix-${panel}-${controls}-${w}x${h}`)
      }
    expectNoErrors()
  })
