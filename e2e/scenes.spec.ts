import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { getScene, sceneIds } from '../src/core/scenes/index'
import { PRESENTER_KEYS } from '../src/panels/PresenterKeys/presenterKeys'
import { keepScreenshot, watchErrors } from './helpers'

const saddle = getScene('saddle-escape')
const startOf = async (page: Page) =>
  (await page.getByTestId('surface-panel').getAttribute('data-start'))!.split(',').map(Number)
const cards = (page: Page) => page.getByTestId('scene-cards')

test('a lecturer walks the saddle scene by keyboard alone, and its escape card moves the start along (1, 1)', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=en')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')

  // Home: the header's "Lecture scenes" tab, then Tab to the first tile and Enter.
  await page.getByTestId('nav-scenes').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('scenes-home')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('scene-tile-saddle-escape')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(cards(page)).toHaveAttribute('data-scene', 'saddle-escape')
  await expect(page.getByTestId('scene-card-title')).toHaveText(saddle.cards[0].title.en)
  await expect(page).toHaveURL(/scene=saddle-escape&card=0/)
  // The scene's own view ([−3.5, 3.5]²) needs a new grid from the worker.
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1', { timeout: 20_000 })

  // Shift + → through every card; a card with an action takes one press for the action, one to move on.
  for (let i = 0; i < saddle.cards.length; i++) {
    const card = saddle.cards[i]
    await expect(cards(page)).toHaveAttribute('data-card', String(i))
    await expect(page.getByTestId('scene-card-title')).toHaveText(card.title.en)
    if (card.id === 'hessian') {
      // While the math card explains H, the Hessian panel shows the saddle point θ′ = (0, 0): λ = −2 and +2.
      await expect(page.getByTestId('hessian-kind')).toHaveAttribute('data-kind', 'saddle')
      const eigenvalues = await page.getByTestId('hessian-eigenvalues').innerText()
      expect(eigenvalues.replace(/−/g, '-')).toMatch(/-2\b/)
      expect(eigenvalues).toMatch(/(^|[^-−\d.])2\b/)
      await expect(page.locator('.scene-card-tex .katex').first()).toBeVisible()
    }
    if (i === saddle.cards.length - 1) break
    if (card.action !== undefined) {
      await page.keyboard.press('Shift+ArrowRight')
      await expect(cards(page)).toHaveAttribute('data-applied', '1')
      await expect(cards(page)).toHaveAttribute('data-card', String(i))
      if (card.id === 'stuck') await expect.poll(() => startOf(page)).toEqual([1.5, -1.5])
      if (card.id === 'hessian') {
        // θ′ + 0.05·u with u = (1, 1)/√2, the unit eigenvector of λ = −2: the start moves a little from (0, 0)
        // along u, near the saddle (not onto the minimum (1, 1), where nothing would move).
        await expect.poll(async () => (await startOf(page))[0]).toBeGreaterThan(0.01)
        const [x, y] = await startOf(page)
        expect(x).toBeCloseTo(y, 12)
        expect(x).toBeCloseTo(0.05 * Math.SQRT1_2, 12)
        await keepScreenshot(page, 'scene-saddle-escaped')
      }
    }
    await page.keyboard.press('Shift+ArrowRight')
  }
  await expect(cards(page)).toHaveAttribute('data-card', String(saddle.cards.length - 1))
  // Shift + ← goes back, and shows the card as it was on the way forward (the noise card before its noise).
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(page.getByTestId('scene-card-title')).toHaveText(
    saddle.cards[saddle.cards.length - 2].title.en,
  )
  expect(await startOf(page)).toEqual([1.5, -1.499])
  expectNoErrors()
})

test('presenter mode on a 1920×1080 projector: large type, the card in the top-right corner, controls gone', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=zh&scene=saddle-escape&card=3&presenter=1')
  await expect(page.locator('.app.presenter')).toBeVisible()
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await expect(page.getByTestId('scene-card-title')).toHaveText(saddle.cards[3].title.zh)
  await expect(page.locator('.scene-card-tex .katex').first()).toBeVisible()
  await expect(page.getByTestId('hessian-kind')).toHaveAttribute('data-kind', 'saddle')
  await expect(page.getByTestId('controls-panel')).toBeHidden()

  const box = (await cards(page).boundingBox())!
  expect(box.x).toBeGreaterThan(1920 / 2 - 100)
  expect(box.x + box.width).toBeLessThanOrEqual(1920)
  expect(box.y).toBeLessThan(200)
  const titleSize = await page
    .getByTestId('scene-card-title')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(titleSize).toBeGreaterThanOrEqual(32)
  // The surface and the playback stay on the first screen.
  const surface = (await page.getByTestId('surface-panel').boundingBox())!
  expect(surface.y + surface.height).toBeLessThanOrEqual(1080)
  await keepScreenshot(page, 'presenter-saddle-1920x1080-zh')

  // The header's switch turns presenter mode off again, and the link follows.
  await page.getByTestId('presenter-toggle').click()
  await expect(page.locator('.app.presenter')).toHaveCount(0)
  await expect(page).not.toHaveURL(/presenter=/)
  await expect(page.getByTestId('controls-panel')).toBeVisible()
  await page.getByTestId('presenter-toggle').click()
  await expect(page).toHaveURL(/presenter=1/)
  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('scene-card-title')).toHaveText(saddle.cards[3].title.en)
  await keepScreenshot(page, 'presenter-saddle-1920x1080-en')
  expectNoErrors()
  await context.close()
})

test('? lists every key in the help overlay, Esc closes it, and N / P switch scenes', async ({ page }) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=en&scene=saddle-escape')
  await expect(cards(page)).toHaveAttribute('data-scene', 'saddle-escape')

  await page.keyboard.press('?')
  const help = page.getByTestId('help-overlay')
  await expect(help).toBeVisible()
  await expect(help.locator('tbody tr')).toHaveCount(PRESENTER_KEYS.length)
  for (const text of ['Space', 'Shift', 'Page Down', 'Page Up', 'Esc', 'N', 'P', 'R', 'F', '?']) {
    await expect(help.locator('kbd', { hasText: text }).first()).toBeVisible()
  }
  await keepScreenshot(page, 'help-overlay-en')
  // Modal: a scene key does nothing while the help is open.
  await page.keyboard.press('n')
  await expect(cards(page)).toHaveAttribute('data-scene', 'saddle-escape')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  await page.keyboard.press('n')
  await expect(cards(page)).toHaveAttribute('data-scene', sceneIds[1])
  await expect(page).toHaveURL(new RegExp(`scene=${sceneIds[1]}&card=0`))
  await page.keyboard.press('N')
  await expect(cards(page)).toHaveAttribute('data-scene', sceneIds[2])
  await page.keyboard.press('p')
  await page.keyboard.press('p')
  await expect(cards(page)).toHaveAttribute('data-scene', 'saddle-escape')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-start', '1.5,-1.5')

  // In Chinese the help names the clicker (翻页笔).
  await page.getByTestId('lang-zh').click()
  await page.keyboard.press('?')
  await expect(help).toContainText('翻页笔')
  await keepScreenshot(page, 'help-overlay-zh')
  await page.keyboard.press('?')
  await expect(help).toBeHidden()
  expectNoErrors()
})

test('the scene list on a 390 px phone: thumbnails from the worker, a tap opens a scene, taps step the cards', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  })
  const page = await context.newPage()
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=zh')
  await page.getByTestId('nav-scenes').tap()
  await expect(page.getByTestId('scenes-home')).toBeVisible()
  await expect(page.locator('[data-testid^="scene-tile-"]')).toHaveCount(sceneIds.length)
  await expect(page.getByTestId('playground-tile')).toBeVisible()
  await expect(page.getByTestId('scene-thumb-saddle-escape')).toHaveAttribute('data-ready', '1')
  await keepScreenshot(page, 'scenes-home-phone-zh')

  await page.getByTestId('scene-tile-momentum-ball').tap()
  await expect(cards(page)).toHaveAttribute('data-scene', 'momentum-ball')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-start', '-2,0')
  await page.getByTestId('scene-card-next').tap()
  await expect(cards(page)).toHaveAttribute('data-card', '1')
  await page.getByTestId('scene-card-prev').tap()
  await expect(cards(page)).toHaveAttribute('data-card', '0')
  const next = (await page.getByTestId('scene-card-next').boundingBox())!
  expect(next.height).toBeGreaterThanOrEqual(36)
  await keepScreenshot(page, 'scene-momentum-phone-zh')
  // The free playground tile leaves lecture mode.
  await page.getByTestId('scene-back').tap()
  await page.getByTestId('playground-tile').tap()
  await expect(page.getByTestId('controls-panel')).toBeVisible()
  await expect(page).not.toHaveURL(/scene=/)
  expectNoErrors()
  await context.close()
})
