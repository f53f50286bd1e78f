import { expect, test } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { keepScreenshot } from './helpers'
import {
  expectInFirstScreen,
  expectNoHorizontalScroll,
  headerRows,
  SCREENS,
  squeezedTextBlocks,
} from './viewport'

// The viewport matrix of #9: every view at every screen size in both languages, asserting what a person sees
// (no sideways scroll, no squeezed text column, the main figure on the first screen, a one-row header), one
// page per cell and a screenshot of each in artifacts/screenshots/viewport-*.png.

type Lang = 'en' | 'zh'

interface View {
  name: string
  /** Opens the view and waits until its main figure is laid out. */
  open(page: Page, lang: Lang): Promise<void>
  /** The view's main figure. */
  figure(page: Page): Locator
}

const surfaceCanvas = (page: Page) => page.getByTestId('surface-canvas')
const labFigure = (page: Page) => page.getByTestId('lab-view-a').locator('canvas').first()
/** A cold page on a busy machine: the lazy chunks (scene cards, lab, zh strings) may take a while. */
const LOAD = { timeout: 20_000 }

const VIEWS: readonly View[] = [
  {
    name: 'playground',
    open: async (page, lang) => {
      await page.goto(`./?lang=${lang}`)
      await expect(surfaceCanvas(page)).toBeVisible(LOAD)
    },
    figure: surfaceCanvas,
  },
  {
    name: 'scenes',
    open: async (page, lang) => {
      await page.goto(`./?lang=${lang}`)
      await page.getByTestId('nav-scenes').click()
      await expect(page.getByTestId('scene-tile-saddle-escape')).toBeVisible(LOAD)
    },
    figure: (page) => page.getByTestId('scene-tile-saddle-escape'),
  },
  {
    name: 'scene1',
    open: async (page, lang) => {
      await page.goto(`./?lang=${lang}&scene=saddle-escape&card=3`)
      await expect(page.getByTestId('scene-card-title')).toBeVisible(LOAD)
      await expect(surfaceCanvas(page)).toBeVisible(LOAD)
    },
    figure: surfaceCanvas,
  },
  {
    name: 'scene12',
    open: async (page, lang) => {
      await page.goto(`./?lang=${lang}&scene=dot-regularization`)
      await expect(page.getByTestId('scene-card-title')).toBeVisible(LOAD)
      await expect(labFigure(page)).toBeVisible(LOAD)
    },
    figure: labFigure,
  },
  {
    name: 'classifier',
    open: async (page, lang) => {
      await page.goto(`./?lang=${lang}`)
      await page.getByTestId('nav-classifier').click()
      await expect(labFigure(page)).toBeVisible(LOAD)
    },
    figure: labFigure,
  },
]

for (const screen of SCREENS) {
  test.describe(`${screen.name} ${screen.width}×${screen.height}`, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      hasTouch: screen.touch === true,
      isMobile: screen.touch === true,
    })
    for (const lang of ['en', 'zh'] as const) {
      for (const view of VIEWS) {
        test(`${view.name} in ${lang} fits the screen`, async ({ page }) => {
          await view.open(page, lang)
          await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en', LOAD)
          await keepScreenshot(page, `viewport-${view.name}-${screen.width}x${screen.height}-${lang}`)
          await expectNoHorizontalScroll(page)
          expect.soft(await squeezedTextBlocks(page), 'text squeezed into a narrow column').toEqual([])
          await expectInFirstScreen(page, view.figure(page), `${view.name}'s main figure`)
          expect.soft(await headerRows(page), 'the header takes one row').toBeLessThan(1.5)
        })
      }
    }
  })
}

// Presenter mode on a projector: the whole screen for the figure, the playback in view without scrolling.
for (const screen of SCREENS.filter((s) => s.name.startsWith('projector'))) {
  test.describe(`presenter ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } })
    for (const lang of ['en', 'zh'] as const) {
      test(`the playground in ${lang} uses the whole screen, playback in view`, async ({ page }) => {
        await page.goto(`./?lang=${lang}&presenter=1`)
        await expect(surfaceCanvas(page)).toBeVisible(LOAD)
        await keepScreenshot(page, `viewport-presenter-playground-${screen.width}x${screen.height}-${lang}`)
        await expectNoHorizontalScroll(page)
        expect(await headerRows(page), 'the header takes one row').toBeLessThan(1.5)
        await expectInFirstScreen(page, surfaceCanvas(page), 'the surface')
        await expectInFirstScreen(page, page.getByTestId('transport-play'), 'the play button')
        // The hidden controls column gives its width to the surface.
        const surface = (await page.getByTestId('surface-panel').boundingBox())!
        expect(surface.x).toBeLessThan(screen.width * 0.1)
      })

      test(`a scene in ${lang} keeps the header to one row, playback and the card's buttons in view`, async ({
        page,
      }) => {
        await page.goto(`./?lang=${lang}&presenter=1&scene=saddle-escape&card=3`)
        await expect(page.getByTestId('scene-card-title')).toBeVisible(LOAD)
        await keepScreenshot(page, `viewport-presenter-scene1-${screen.width}x${screen.height}-${lang}`)
        await expectNoHorizontalScroll(page)
        expect(await headerRows(page), 'the header takes one row').toBeLessThan(1.5)
        await expectInFirstScreen(page, surfaceCanvas(page), 'the surface')
        await expectInFirstScreen(page, page.getByTestId('transport-play'), 'the play button')
        await expectInFirstScreen(page, page.getByTestId('scene-card-next'), 'the next-card button')
        // A formula too wide for its card is scaled down to fit, never clipped.
        for (const tex of await page.locator('.scene-card-tex').all()) {
          const fits = await tex.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
          expect(fits, 'the formula fits its card').toBe(true)
        }
      })
    }
  })
}

// A phone: one finger over the surface scrolls the page, two fingers pan the plot, "Explore" gives one finger
// to the plot; the touch hint replaces the mouse-and-keys hint.
test.describe('touch on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  test('one finger scrolls the page, two pan the plot', async ({ page }) => {
    await page.goto('./?lang=en')
    const panel = page.getByTestId('surface-panel')
    await expect(panel).toHaveAttribute('data-grid-ready', '1', LOAD)
    await expect(page.getByTestId('surface-touch-hint')).toBeVisible()
    await expect(page.locator('.surface-hint-pointer')).toBeHidden()
    await expect(page.locator('.transport-keys')).toBeHidden()
    const box = (await surfaceCanvas(page).boundingBox())!
    const cdp = await page.context().newCDPSession(page)
    const swipe = async (fingers: number, dy: number) => {
      const at = (t: number) =>
        Array.from({ length: fingers }, (_, i) => ({
          x: box.x + box.width * (0.4 + 0.2 * i),
          y: box.y + box.height * 0.7 + dy * t,
          id: i,
        }))
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) })
      for (let k = 1; k <= 8; k++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k / 8) })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    const view = await panel.getAttribute('data-view')
    await swipe(1, -200)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50)
    expect(await panel.getAttribute('data-view')).toBe(view)

    // A swipe flings the page: let it come to rest before the next gesture, or the fling scrolls on after it.
    await expect
      .poll(async () => {
        const before = await page.evaluate(() => window.scrollY)
        await page.waitForTimeout(250)
        return (await page.evaluate(() => window.scrollY)) === before
      })
      .toBe(true)
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
    await swipe(2, -120)
    await expect(panel).not.toHaveAttribute('data-view', view ?? '')
    expect(await page.evaluate(() => window.scrollY)).toBe(0)

    // Explore: every touch goes to the plot.
    await page.getByTestId('surface-explore').tap()
    await expect(page.getByTestId('surface-explore')).toHaveAttribute('aria-pressed', 'true')
    expect(await surfaceCanvas(page).evaluate((el) => getComputedStyle(el).touchAction)).toBe('none')
    await keepScreenshot(page, 'viewport-touch-390x844-en')
  })
})
