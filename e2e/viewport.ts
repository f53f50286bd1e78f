import { expect, type Locator, type Page } from '@playwright/test'

/** The screen sizes of the viewport matrix (#9): phones, a tablet, projectors, a 4K screen. */
export interface Screen {
  name: string
  width: number
  height: number
  /** A phone: touch screen and mobile viewport (hasTouch, isMobile). */
  touch?: boolean
}

export const SCREENS: readonly Screen[] = [
  { name: 'phone-small', width: 320, height: 568 },
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'projector-720', width: 1280, height: 720 },
  { name: 'projector-1080', width: 1920, height: 1080 },
  { name: 'uhd', width: 3840, height: 2160 },
]

/** The narrowest a column of wrapped text may be, CSS px, unless it takes (about) the whole viewport width. */
export const MIN_TEXT_COLUMN_PX = 280

/** Nothing is wider than the viewport: the page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect.soft(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client)
}

/**
 * Blocks of text a reader sees squeezed: visible elements whose own text wraps onto three lines or more while
 * the element is narrower than `MIN_TEXT_COLUMN_PX` and narrower than 3/4 of the viewport (on a 320 px phone
 * the whole width less the margins of nested panels is fine). Table cells are columns of a table, not of
 * text. Returned as "tag.class (width): text" for a readable failure.
 */
export async function squeezedTextBlocks(page: Page): Promise<string[]> {
  return page.evaluate((minWidth) => {
    const found: string[] = []
    const vw = document.documentElement.clientWidth
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      if (text.length < 12) continue
      const el = node.parentElement
      if (el === null || seen.has(el)) continue
      seen.add(el)
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      if (el.closest('.visually-hidden, [aria-hidden="true"], svg, math, .katex, table')) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      if (lines >= 3 && box.width < minWidth && box.width < vw * 0.75) {
        const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : ''
        found.push(`${el.tagName.toLowerCase()}.${cls} (${Math.round(box.width)} px): ${text.slice(0, 40)}`)
      }
    }
    return found
  }, MIN_TEXT_COLUMN_PX)
}

/** The element's whole box lies inside the first screen (the viewport before any scrolling). */
export async function expectInFirstScreen(page: Page, target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible()
  const box = await target.boundingBox()
  const size = page.viewportSize()!
  const scrollY = await page.evaluate(() => window.scrollY)
  expect(box, what).not.toBeNull()
  const top = box!.y + scrollY
  expect.soft(top, `${what}: top`).toBeGreaterThanOrEqual(-1)
  expect.soft(top + box!.height, `${what}: bottom`).toBeLessThanOrEqual(size.height + 1)
  expect.soft(box!.x, `${what}: left`).toBeGreaterThanOrEqual(-1)
  expect.soft(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(size.width + 1)
}

/** The app header's height in rows of its tallest control: one row means less than two. */
export async function headerRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header')!
    const controls = [...header.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0)
    const row = Math.max(...controls.map((b) => b.getBoundingClientRect().height))
    return header.getBoundingClientRect().height / (row + 16)
  })
}
