import { expect, test } from '@playwright/test'
import type { Page, Route } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

// What the first screen leaves for later (issue 8, initial JS ≤ 150 kB gzip): the zh strings (fetched before
// the first render only for a zh page, and before a switch to zh), the d3-zoom stack (after the first paint)
// and the help overlay (on '?'); the 3D view and three.js only with `surf=3d|both` or its switch.

const isZhChunk = (url: string) => /\/assets\/zh-[\w-]+\.js$/.test(url)
const is3DChunk = (url: string) =>
  /\/assets\/(surface3dScene|Surface3DPanel|Surface3DArea)-[\w-]+\.js$/.test(url)
const isLabStrings = (url: string) => /\/assets\/lab(En|Zh)-[\w-]+\.js$/.test(url)
const EN_TITLE = 'Loss-surface playground'
const ZH_TITLE = '误差表面游乐场'

/** Every text the page's h1 ever showed, recorded from the first DOM change on. */
async function recordTitles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { titles: string[] }).titles = seen
    new MutationObserver(() => {
      const text = document.querySelector('h1')?.textContent
      if (text && seen[seen.length - 1] !== text) seen.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
}
const titles = (page: Page) => page.evaluate(() => (window as unknown as { titles: string[] }).titles)

test('an English page never downloads the zh strings, and wheel zoom works once d3-zoom has arrived', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  const requested: string[] = []
  page.on('request', (r) => requested.push(r.url()))
  await page.goto('./?lang=en')
  const panel = page.getByTestId('surface-panel')
  await expect(panel).toHaveAttribute('data-grid-ready', '1')
  await expect.poll(() => requested.some((u) => /\/assets\/d3PanZoom-[\w-]+\.js$/.test(u))).toBe(true)
  expect(page.url()).not.toContain('view=')
  const box = (await page.getByTestId('surface-canvas').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, -240)
      return page.url()
    })
    .toContain('view=')
  expect(requested.some(isZhChunk)).toBe(false)
  // The 3D view (its panel, and three.js behind it) is fetched only when a 3D mode is chosen.
  expect(requested.filter(is3DChunk)).toEqual([])
  // The lab's strings are a section of their own, fetched with the lab.
  expect(requested.filter(isLabStrings)).toEqual([])
  expectNoErrors()
})

test("the lab's strings arrive with the lab, and a switch to zh in the lab brings their zh part", async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  const requested: string[] = []
  page.on('request', (r) => requested.push(r.url()))
  await page.goto('./?lang=en')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Classifier lab: dot.csv' })).toBeVisible()
  expect(requested.filter(isLabStrings).map((u) => /lab(En|Zh)/.exec(u)![0])).toEqual(['labEn'])
  await page.getByTestId('lang-zh').click()
  await expect(page.getByRole('heading', { level: 2, name: '分类实验：dot.csv' })).toBeVisible()
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('回合 0 / 800')
  expect(requested.filter(isLabStrings).map((u) => /lab(En|Zh)/.exec(u)![0])).toEqual(['labEn', 'labZh'])
  expectNoErrors()
})

test('a zh link renders in Chinese from the first paint: no English title ever shows', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  await recordTitles(page)
  await page.goto('./?lang=zh')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ZH_TITLE)
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  expect(await titles(page)).toEqual([ZH_TITLE])
  expectNoErrors()
})

test('switching to zh waits for its strings, and a failed download keeps English with a notice', async ({
  page,
}) => {
  await recordTitles(page)
  let hold: Route | null = null
  let fail = true
  await page.route(
    (url) => isZhChunk(url.href),
    async (route) => {
      if (fail) return route.abort()
      hold = route
    },
  )
  await page.goto('./?lang=en')
  const h1 = page.getByRole('heading', { level: 1 })
  await expect(h1).toHaveText(EN_TITLE)

  await page.getByTestId('lang-zh').click()
  await expect(page.getByRole('alert')).toContainText('could not be loaded')
  await expect(h1).toHaveText(EN_TITLE)
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true')
  await keepScreenshot(page, 'language-load-failed-en')

  fail = false
  await page.getByTestId('lang-zh').click()
  await expect.poll(() => hold !== null).toBe(true)
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-busy', 'true')
  await expect(h1).toHaveText(EN_TITLE)
  await hold!.continue()
  await expect(h1).toHaveText(ZH_TITLE)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(await titles(page)).toEqual([EN_TITLE, ZH_TITLE])
  await keepScreenshot(page, 'language-switched-zh')
})

test('the help overlay arrives on "?"', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=zh')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await expect(page.getByTestId('help-overlay')).toHaveCount(0)
  await page.keyboard.press('?')
  await expect(page.getByTestId('help-overlay')).toBeVisible()
  await keepScreenshot(page, 'help-overlay-lazy-zh')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('help-overlay')).toHaveCount(0)
  expectNoErrors()
})
