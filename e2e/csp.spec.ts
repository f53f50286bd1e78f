import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { keepScreenshot, watchErrors } from './helpers'

const DIST = resolve(process.env.E2E_DIST || 'dist')

/**
 * The strict policy of issue #11, word for word: no 'unsafe-inline' (so no style attribute in markup and no
 * `<style>` element), no 'unsafe-eval', no data: fonts, workers only from the app's own files. connect-src
 * falls back to default-src 'self' (the lab fetches its CSV from the build).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
].join('; ')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

interface Served {
  origin: string
  close(): Promise<void>
}

/** The production build (E2E_DIST or dist/) on a free port of 127.0.0.1, with the strict CSP on every response. */
function serveDistWithCsp(): Promise<Served> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path))
    if (!file.startsWith(DIST)) return void res.writeHead(403).end()
    try {
      const body = await readFile(file)
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
      })
      res.end(body)
    } catch {
      res.writeHead(404, { 'Content-Security-Policy': CSP }).end()
    }
  })
  return new Promise((done) => {
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

/**
 * Every CSP violation the page reports, from two independent sources: the `securitypolicyviolation` events of
 * every document (installed before any script of the app runs) and Chromium's console errors about the policy.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(`console: ${m.text().slice(0, 200)}`)
  })
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] }
    w.cspViolations = []
    // Capture phase on the document: also catches violations of nodes not yet attached (reported to the document).
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample.slice(0, 60)}`),
      true,
    )
  })
  let earlier: string[] = []
  return async () => {
    // The list lives in the page: keep the ones of documents already navigated away from.
    const now = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
    earlier = [...earlier, ...now]
    await page.evaluate(() => ((window as unknown as { cspViolations: string[] }).cspViolations = []))
    return [...earlier, ...fromConsole]
  }
}

/** Saves one element's screenshot next to the page screenshots (evidence of how the formulas look). */
async function keepElementShot(locator: Locator, name: string): Promise<void> {
  mkdirSync('artifacts/screenshots', { recursive: true })
  await locator.screenshot({ path: `artifacts/screenshots/${name}.png` })
}

/**
 * The rows of a typeset multi-line formula (an aligned block): each row's top and bottom, where its first
 * column's content ends and where its second column's content begins (the `=` or `←`), in CSS px.
 */
const alignedRows = (block: Locator) =>
  block
    .locator('math mtable')
    .first()
    .evaluate((table) =>
      [...table.children].map((row) => {
        const box = row.getBoundingClientRect()
        const [left, right] = [row.children[0], row.children[1]].map((cell) =>
          cell.firstElementChild!.getBoundingClientRect(),
        )
        return { top: box.top, bottom: box.bottom, leftEnds: left.right, rightBegins: right.left }
      }),
    )

/**
 * The update rule of the selected card is laid out as lines one below the other, none overlapping, each at least
 * 15 px tall, every line's relation symbol in one column right after its left side (the `&` of \begin{aligned}).
 * KaTeX's HTML output under this policy lost its style attributes and collapsed the rule onto one 22 px line
 * with overlapping lines (issue #11).
 */
async function expectRuleLaidOut(rule: Locator): Promise<void> {
  await expect(rule.locator('math')).toBeVisible()
  const rows = await alignedRows(rule)
  expect(rows.length).toBeGreaterThanOrEqual(3)
  // The visible block holds all the lines (KaTeX's collapsed HTML left its hidden MathML taller than the block).
  expect((await rule.boundingBox())!.height).toBeGreaterThanOrEqual(rows.at(-1)!.bottom - rows[0].top)
  for (const [i, row] of rows.entries()) {
    expect(row.bottom - row.top).toBeGreaterThan(15)
    if (i > 0) expect(row.top).toBeGreaterThanOrEqual(rows[i - 1].bottom - 0.5)
    expect(Math.abs(row.rightBegins - rows[0].rightBegins)).toBeLessThan(0.5)
    expect(Math.abs(row.leftEnds - row.rightBegins)).toBeLessThan(0.5)
  }
}

test('a full session under the strict CSP: racers, 25+ steps, Hessian, a lecture scene, the lab, zh, a phone; zero violations', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const server = await serveDistWithCsp()
  try {
    const { expectNoErrors } = watchErrors(page)
    const violations = await watchViolations(page)
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.setViewportSize({ width: 1280, height: 900 })

    // The playground: the policy is the one served, the race runs in the module worker.
    const first = await page.goto(`${server.origin}/?lang=en&s=saddle`)
    expect(first!.headers()['content-security-policy']).toBe(CSP)
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')

    // Adam's formula card: its update rule typeset as MathML, line under line.
    await page.locator('.racer-card .card-toggle', { hasText: 'Adam' }).first().click()
    const card = page.locator('.racer-card.is-expanded')
    await expect(card).toContainText('Adam')
    const rule = card.locator('.card-body > .ui-tex-display').last()
    await expectRuleLaidOut(rule)
    await expect(card.locator('.card-schedule math')).toBeVisible()
    // React's `style` prop writes through the CSSOM, which `style-src 'self'` allows: the racer's colour applies.
    const colours = await card.evaluate((el) => [
      getComputedStyle(el).borderLeftColor,
      getComputedStyle(el.querySelector('.card-swatch')!).backgroundColor,
    ])
    expect(colours[0]).toBe(colours[1])
    expect(colours[0]).not.toBe('rgb(0, 0, 0)')
    await keepElementShot(card, 'csp-adam-card-en')

    // 25 single steps from the start, then add a racer and play to the end.
    await page.getByTestId('transport-reset').click()
    for (let i = 0; i < 25; i++) await page.getByTestId('transport-step').click()
    await expect(page.getByTestId('timeline')).toHaveValue('25')
    await page.getByTestId('add-racer').click()
    await page.getByTestId('transport-end').click()
    await expect
      .poll(async () => Number(await page.getByTestId('timeline').inputValue()))
      .toBeGreaterThan(100)
    // The card's "compare conventions" section typesets the other conventions' rules.
    const compare = page.locator('.racer-card.is-expanded .card-compare')
    if ((await compare.count()) > 0) {
      await compare.locator('summary').click()
      await expect(compare.locator('.card-compare-item math').first()).toBeVisible()
    }

    // The Hessian inspector at the saddle point, with its Taylor formula.
    await page.getByTestId('start-x').fill('0')
    await page.getByTestId('start-x').press('Enter')
    await page.getByTestId('start-y').fill('0')
    await page.getByTestId('start-y').press('Enter')
    await page.getByTestId('transport-reset').click()
    const hessian = page.getByTestId('hessian-panel')
    await expect(hessian).toHaveAttribute('data-kind', 'saddle')
    await expect(hessian.locator('math')).toBeVisible()
    const surfaceFormula = page.locator('[data-testid="surface-description"] + .ui-tex-display')
    await expect(surfaceFormula.locator('math')).toBeVisible()
    await keepElementShot(surfaceFormula, 'csp-surface-formula-en')
    await keepScreenshot(page, 'csp-playground-en')
    await keepElementShot(card, 'csp-racer-card-en')
    await keepElementShot(hessian, 'csp-hessian-en')

    // Chinese: the same formulas, the lecture's terms around them.
    await page.getByTestId('lang-zh').click()
    await expect(page.locator('body')).toContainText('鞍点')
    await expect(card.locator('math').first()).toBeVisible()
    await keepScreenshot(page, 'csp-playground-zh')
    await keepElementShot(card, 'csp-racer-card-zh')
    expect(await violations()).toEqual([])

    // A lecture scene: walk its cards, each formula typeset.
    await page.goto(`${server.origin}/?lang=en&scene=saddle-escape`)
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
    const cards = page.getByTestId('scene-cards')
    let typeset = 0
    let firstFormula = -1
    for (let i = 0; i < 8; i++) {
      if ((await cards.locator('.scene-card-tex').count()) > 0) {
        await expect(cards.locator('.scene-card-tex math')).toBeVisible()
        if (typeset++ === 0) await keepElementShot(cards, 'csp-scene-card-en')
        if (firstFormula < 0) firstFormula = i
      }
      const next = page.getByTestId('scene-card-next')
      if (!(await next.isEnabled())) break
      await next.click()
    }
    expect(typeset).toBeGreaterThan(0)
    await keepScreenshot(page, 'csp-scene-en')
    await page.goto(`${server.origin}/?lang=zh&scene=saddle-escape&card=${firstFormula}`)
    await expect(cards.locator('.scene-card-tex math')).toBeVisible()
    await keepElementShot(cards, 'csp-scene-card-zh')

    // The classifier lab fetches dot.csv (default-src 'self') and trains to the end in the worker.
    await page.goto(`${server.origin}/?lang=zh`)
    await page.getByTestId('nav-classifier').click()
    const lab = page.getByTestId('classifier-lab')
    await expect(page.getByTestId('lab-epoch-a')).toContainText('0 / 800')
    const labRule = lab.locator('.ui-tex-display').first()
    await expect(labRule.locator('math')).toBeVisible()
    await keepElementShot(labRule.locator('..'), 'csp-lab-formula-zh')
    await page.getByTestId('lab-train').click()
    await expect(page.getByTestId('lab-epoch-a')).toContainText('800 / 800', { timeout: 120_000 })
    await keepScreenshot(page, 'csp-lab-zh')

    // A 390 px phone in Chinese: Adam's rule laid out in its card (scrolling sideways at worst).
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.origin}/?lang=zh&s=saddle`)
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
    await page.locator('.racer-card .card-toggle', { hasText: 'Adam' }).first().click()
    await card.scrollIntoViewIfNeeded()
    await expectRuleLaidOut(rule)
    await keepElementShot(card, 'csp-racer-card-phone-zh')

    // The embedded view under the same policy.
    await page.setViewportSize({ width: 800, height: 450 })
    await page.goto(`${server.origin}/?embed=1&lang=en`)
    await expect(page.getByTestId('embed-app')).toBeVisible()
    await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')

    // The 3D view (three.js on WebGL, its own lazy chunks) under the same policy: beside the map, turned by
    // the keyboard, and embedded with panel=surface3d.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.origin}/?lang=en&surf=both`)
    // three.js's chunk and SwiftShader's first compile take seconds on a busy machine.
    await expect(page.getByTestId('surface3d-panel')).toHaveAttribute('data-ready', '1', { timeout: 30_000 })
    await expect(page.getByTestId('surface3d-panel')).toHaveAttribute('data-ball-index', /\d+/, {
      timeout: 30_000,
    })
    await page.getByTestId('surface3d-canvas').press('ArrowLeft')
    await keepScreenshot(page, 'csp-surface3d-both-en')
    await page.setViewportSize({ width: 800, height: 450 })
    await page.goto(`${server.origin}/?embed=1&panel=surface3d&lang=en`)
    await expect(page.getByTestId('surface3d-panel')).toHaveAttribute('data-ready', '1', { timeout: 30_000 })
    expect(requests.some((u) => /\/assets\/surface3dScene-[\w-]+\.js$/.test(u))).toBe(true)

    // Zero violations over the whole session: no inline style, no data: font, no eval (script-src without
    // 'unsafe-eval' reports any), no worker from a blob.
    const all = await violations()
    console.log(`CSP violations over the session: ${all.length}`)
    expect(all).toEqual([])
    // No request beyond the build's own files.
    const foreign = requests.filter((u) => !u.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(u))
    expect(foreign).toEqual([])
    expect(requests.some((u) => /\/assets\/worker-[^/]+\.js$/.test(u))).toBe(true)
    expectNoErrors()
  } finally {
    await server.close()
  }
})
