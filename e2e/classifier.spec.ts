import { expect, test } from '@playwright/test'
import { keepScreenshot, watchErrors } from './helpers'

test('one click trains the course preset without and with L2 in lockstep, streaming frames to epoch 800', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1440, height: 1000 })
  await page.goto('./?lang=en')
  await page.getByTestId('nav-classifier').click()
  const lab = page.getByTestId('classifier-lab')
  await expect(lab).toContainText('300 rows') // the real dot.csv, fetched relative to the app
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 0 / 800')
  // Record every epoch the "without" view shows while it trains: frames must stream, not jump to the end.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __epochs: string[] }).__epochs = seen
    const el = document.querySelector('[data-testid="lab-epoch-a"]')!
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    })
  })
  await page.getByTestId('lab-train').click()
  // The default pace, 60 epochs/s, is slow enough to watch: 800 epochs take about 13 s.
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 800 / 800', { timeout: 30_000 })
  await expect(page.getByTestId('lab-epoch-b')).toHaveText('Epoch 800 / 800')
  await expect(page.getByTestId('lab-status')).toHaveText('Done')
  const seen = await page.evaluate(() => (window as unknown as { __epochs: string[] }).__epochs)
  const intermediate = new Set(seen.filter((s) => !/Epoch (0|800) \//.test(s)))
  expect(intermediate.size).toBeGreaterThan(2)
  // Both boundaries classify the circle well (the course's result), each view reports its accuracy.
  for (const run of ['a', 'b']) {
    const text = (await page.getByTestId(`lab-view-${run}`).textContent()) ?? ''
    const accuracy = Number(/(\d+(?:\.\d+)?)\s*%/.exec(text)?.[1])
    expect(accuracy).toBeGreaterThan(90)
  }
  await keepScreenshot(page, 'classifier-course-preset-en')
  expectNoErrors()
})

test('a bad CSV shows the parser message with its line and keeps the data; a good one replaces it', async ({
  page,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=en')
  await page.getByTestId('nav-classifier').click()
  const lab = page.getByTestId('classifier-lab')
  await expect(lab).toContainText('300 rows')
  const input = page.getByTestId('lab-drop').locator('input[type="file"]')
  await input.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x1,x2,y_c\n0.1,0.2,1\n0.3,abc,0\n0.5,0.6,1\n0.7,0.8,0\n'),
  })
  const problem = page.getByTestId('lab-data-problem')
  await expect(problem).toBeVisible()
  await expect(problem).toContainText('3') // the line of "abc"
  await expect(lab).toContainText('300 rows')
  const rows = [
    'x1,x2,label',
    ...Array.from({ length: 12 }, (_, i) => `${(i - 6) / 3},${((i * 7) % 12) / 4 - 1.5},${i % 2}`),
  ]
  await input.setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) })
  await expect(lab).toContainText('12 rows')
  await keepScreenshot(page, 'classifier-own-csv-en')
  expectNoErrors()
})

test('the lab in Chinese on a 390 px phone: the two boundaries stack and nothing overflows', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  })
  const page = await context.newPage()
  const { expectNoErrors } = watchErrors(page)
  await page.goto('./?lang=zh&lab=reg')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('lab-view-b')).toBeVisible()
  const a = (await page.getByTestId('lab-view-a').boundingBox())!
  const b = (await page.getByTestId('lab-view-b').boundingBox())!
  expect(b.y).toBeGreaterThan(a.y + a.height - 1)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await keepScreenshot(page, 'classifier-phone-zh')
  expectNoErrors()
  await context.close()
})
