import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { boundaryFigureSize } from '../src/panels/ExportMenu/boundaryFigure'
import { keepScreenshot, watchErrors } from './helpers'

/** The app as `vite preview` serves it (playwright.config.ts). */
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4173}`
// The build under a strict Content-Security-Policy: e2e/csp.spec.ts (a whole session, zero violations).

interface Served {
  origin: string
  close(): Promise<void>
}

/** A local HTTP server on a free port of 127.0.0.1 (another port is another origin). */
function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Served> {
  return new Promise((done) => {
    const server = createServer(handler)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      })
    })
  })
}

/** Course notes that embed the app at 800×450 and log every message the frame sends them. */
const notesPage = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Week 3: saddle points</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:24px;font:16px/1.5 sans-serif">
<script>
  window.received = []
  window.addEventListener('message', (e) => {
    if (e.source === document.getElementById('pg').contentWindow) window.received.push({ origin: e.origin, data: e.data })
  })
  window.send = (message) => document.getElementById('pg').contentWindow.postMessage(message, '${APP_ORIGIN}')
</script>
<h1>Week 3 · Saddle points</h1>
<p>Gradient descent stalls where the gradient vanishes. Press play and watch momentum escape.</p>
<iframe id="pg" src="${src}" width="800" height="450" title="Loss-surface playground" style="border:0"></iframe>
<div style="height:3000px">… the notes go on …</div>
</body></html>`

type Received = { origin: string; data: Record<string, unknown> & { type: string } }
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received)
const send = (page: Page, message: Record<string, unknown>) =>
  page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message)
const cmd = (fields: Record<string, unknown>) => ({
  source: 'loss-surface-playground',
  version: 1,
  ...fields,
})
/** Waits for the first message the frame sent that satisfies `match`, and returns it. */
async function waitForMessage(page: Page, match: (m: Received['data']) => boolean): Promise<Received> {
  let found: Received | undefined
  await expect
    .poll(async () => {
      found = (await received(page)).find((m) => match(m.data))
      return found !== undefined
    })
    .toBe(true)
  return found!
}

test('course notes on another origin embed the scene at 800×450 and drive it over postMessage; a malformed message is ignored', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  let src = ''
  const host = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(notesPage(src))
  })
  try {
    src = `${APP_ORIGIN}/?embed=1&scene=saddle-escape&controls=minimal&origin=${host.origin}&lang=en`
    expect(host.origin).not.toBe(APP_ORIGIN)
    await page.setViewportSize({ width: 1024, height: 720 })
    await page.goto(`${host.origin}/notes.html`)

    // ready: from the app's origin, with the protocol version, the view and the scene.
    const ready = await waitForMessage(page, (m) => m.type === 'ready')
    expect(ready.origin).toBe(APP_ORIGIN)
    expect(ready.data).toMatchObject({
      source: 'loss-surface-playground',
      version: 1,
      panel: 'surface',
      controls: 'minimal',
      params: { scene: 'saddle-escape' },
    })
    const frame = page.frameLocator('#pg')
    await expect(frame.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
    await expect(frame.getByTestId('transport-play')).toBeVisible()
    await expect(frame.getByTestId('embed-open')).toBeVisible()

    // Parameters first (a change of the race's math restarts it): 80 steps, and η = 0.02 for the first racer.
    await send(page, cmd({ type: 'setParam', param: 'steps', value: 80 }))
    await send(page, cmd({ type: 'setParam', param: 'lr', racer: 0, value: 0.02 }))
    await send(page, cmd({ type: 'getState', id: 'params' }))
    const params = await waitForMessage(page, (m) => m.type === 'state' && m.id === 'params')
    expect(params.data).toMatchObject({ params: { steps: 80, scene: 'saddle-escape' } })
    expect((params.data.params as { lr: number[] }).lr[0]).toBe(0.02)

    // Then pause, back to step 0 and five single steps: a step event at cursor 5 with every racer's loss.
    await send(page, cmd({ type: 'pause' }))
    await send(page, cmd({ type: 'reset' }))
    await send(page, cmd({ type: 'step', n: 5 }))
    const stepped = await waitForMessage(
      page,
      (m) => m.type === 'step' && m.cursor === 5 && m.playing === false,
    )
    expect(stepped.data).toMatchObject({ total: 80, target: 'race' })
    const losses = (stepped.data.racers as { loss: number | null }[]).map((r) => r.loss)
    expect(losses.length).toBeGreaterThan(0)
    expect(losses.every((l) => typeof l === 'number' && Number.isFinite(l))).toBe(true)

    // Malformed (an unknown field) and foreign messages: refused, reported to the allowed origin, not run.
    await send(page, cmd({ type: 'play', id: 'bad', extra: true }))
    await page.evaluate(() => {
      const w = (document.getElementById('pg') as HTMLIFrameElement).contentWindow!
      w.postMessage('play', '*')
      w.postMessage({ type: 'play' }, '*')
    })
    const error = await waitForMessage(page, (m) => m.type === 'error' && m.id === 'bad')
    expect(error.data).toMatchObject({ code: 'malformed', field: 'extra' })
    await send(page, cmd({ type: 'getState', id: 'after-junk' }))
    const still = await waitForMessage(page, (m) => m.type === 'state' && m.id === 'after-junk')
    expect(still.data).toMatchObject({ state: { cursor: 5, playing: false } })

    // Play to the end: step events follow the playhead and finished arrives at step 80. At 100 steps/s the
    // 75 steps take 0.75 s, many frames even on a loaded machine (at 400 one late frame could reach the end).
    await send(page, cmd({ type: 'setParam', param: 'speed', value: 100 }))
    await send(page, cmd({ type: 'play' }))
    const finished = await waitForMessage(page, (m) => m.type === 'finished')
    expect(finished.data).toMatchObject({ cursor: 80, finished: true, playing: false })
    const all = await received(page)
    const cursors = all
      .slice(all.findIndex((m) => m.data.id === 'after-junk'))
      .filter((m) => m.data.type === 'step')
      .map((m) => m.data.cursor as number)
    expect(cursors.length).toBeGreaterThan(1)
    expect(cursors.at(-1)).toBe(80)
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b))
    expect(all.every((m) => m.origin === APP_ORIGIN)).toBe(true)

    // The frame fills its 800×450 box without scrolling, and the notes page never moved.
    const box = await frame.getByTestId('embed-app').boundingBox()
    expect(box).not.toBeNull()
    const inner = await page
      .frames()
      .find((f) => f.url().startsWith(APP_ORIGIN))!
      .evaluate(() => ({
        w: innerWidth,
        h: innerHeight,
        scrollW: document.documentElement.scrollWidth,
        scrollH: document.documentElement.scrollHeight,
      }))
    expect(inner).toEqual({ w: 800, h: 450, scrollW: 800, scrollH: 450 })
    expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true)
    expect(await page.evaluate(() => scrollY)).toBe(0)
    await keepScreenshot(page, 'embed-course-notes-800x450')
    expectNoErrors()
  } finally {
    await host.close()
  }
})

/** The bytes of a download. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(path) }
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('exports: the surface as PNG and SVG, the trajectories as CSV and JSON, the boundaries, and the embed code', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  const steps = 40
  await page.goto(`./?lang=en&steps=${steps}&speed=2000`)
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await expect.poll(async () => Number(await page.getByTestId('timeline').inputValue())).toBe(steps)
  await page.getByTestId('export-menu-toggle').click()
  await expect(page.getByTestId('export-menu')).toBeVisible()

  const png = await downloaded(page, 'export-surface-png')
  expect(png.name).toBe('loss-surface-saddle.png')
  expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1280 })
  expect(png.bytes.length).toBeGreaterThan(20_000)

  const svg = await downloaded(page, 'export-surface-svg')
  expect(svg.name).toBe('loss-surface-saddle.svg')
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.tagName,
      paths: doc.getElementsByTagName('path').length,
      images: [...doc.getElementsByTagName('image')].map((i) => i.getAttribute('href')!.slice(0, 22)),
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
    }
  }, svg.bytes.toString('utf8'))
  expect(parsed.errors).toBe(0)
  expect(parsed.root).toBe('svg')
  expect(parsed.paths).toBeGreaterThan(20)
  expect(parsed.images).toEqual(['data:image/png;base64,'])
  expect(parsed.texts.some((t) => t!.includes(`step ${steps} of ${steps}`))).toBe(true)

  const csv = await downloaded(page, 'export-csv')
  expect(csv.name).toBe('trajectories-saddle.csv')
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n')
  expect(lines[0]).toBe('racer,optimizer,convention,step,x,y,loss,lr')
  const perRacer = new Map<string, number>()
  for (const line of lines.slice(1))
    perRacer.set(line.split(',')[0], (perRacer.get(line.split(',')[0]) ?? 0) + 1)
  expect([...perRacer.values()]).toEqual([steps + 1, steps + 1, steps + 1, steps + 1])

  const json = await downloaded(page, 'export-json')
  expect(json.name).toBe('trajectories-saddle.json')
  const doc = JSON.parse(json.bytes.toString('utf8'))
  expect(doc.settings.steps).toBe(steps)
  expect(doc.racers).toHaveLength(4)
  for (const r of doc.racers)
    for (const k of ['step', 'x', 'y', 'loss', 'lr']) expect(r[k]).toHaveLength(steps + 1)

  await page.getByTestId('embed-button').click()
  const code = await page.getByTestId('embed-snippet').inputValue()
  expect(code).toMatch(
    new RegExp(
      `^<iframe src="${APP_ORIGIN.replace(/[.]/g, '\\.')}/\\?s=saddle&amp;.*&amp;embed=1&amp;panel=surface&amp;controls=minimal" width="800" height="450"`,
    ),
  )
  await keepScreenshot(page, 'export-menu-en')

  // The classifier lab's decision boundaries, once it shows its first frame.
  await page.keyboard.press('Escape')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 0 / 800')
  await page.getByTestId('export-menu-toggle').click()
  const boundaries = await downloaded(page, 'export-classifier-png')
  expect(boundaries.name).toBe('decision-boundaries.png')
  // Square plots: the figure is as tall as its two views need (boundaryFigureSize), at 2 px per CSS px.
  expect(pngSize(boundaries.bytes)).toEqual({ width: 1920, height: 2 * boundaryFigureSize(960, 2).heightPx })
  expectNoErrors()
})
