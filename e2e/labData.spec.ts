import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { keepScreenshot, watchErrors } from './helpers'

/**
 * A user's CSV in the classifier lab survives a reload (kept in IndexedDB under its SHA-256, which the link
 * carries), a fresh browser says plainly that it does not have that file, and the "export lab" file brings
 * data and settings to another browser.
 */

/** 320 points on a sine band over [−6, 6] × [−2, 2] (dot.csv is a circle in [−3, 3]²): 1 above sin x₁. */
function sineCsv(): string {
  let s = 12345
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
  const rows = ['a,b,label']
  for (let i = 0; i < 320; i++) {
    const x1 = -6 + 12 * next()
    const x2 = -2 + 4 * next()
    rows.push(`${x1.toFixed(4)},${x2.toFixed(4)},${x2 > Math.sin(x1) ? 1 : 0}`)
  }
  return `${rows.join('\n')}\n`
}

const csv = sineCsv()
const hash = createHash('sha256').update(csv, 'utf8').digest('hex')
const ones = csv
  .trim()
  .split('\n')
  .slice(1)
  .filter((r) => r.endsWith(',1')).length
const rowsText = `320 rows: ${ones} red (1), ${320 - ones} blue (0)`

// These tests are about the data, not the pace: the lab trains as fast as it can (`l.pace=max`).
async function openLab(page: Page, query = '?lang=en&l.pace=max'): Promise<void> {
  await page.goto(`./${query}`)
  if (!(await page.getByTestId('classifier-lab').isVisible()))
    await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('classifier-lab')).toBeVisible()
}

/** The accuracy a view reports ("… accuracy 93.3%"). */
async function accuracyOf(page: Page, run: 'a' | 'b'): Promise<number> {
  const text = (await page.getByTestId(`lab-view-${run}`).textContent()) ?? ''
  return Number(/accuracy\s*(\d+(?:\.\d+)?)\s*%/.exec(text)?.[1])
}

test('an uploaded CSV is named, survives a reload, and a fresh browser says it does not have it', async ({
  page,
  browser,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await page.setViewportSize({ width: 1440, height: 1100 })
  await openLab(page)
  const lab = page.getByTestId('classifier-lab')
  await expect(lab).toContainText('300 rows')
  await expect(page.getByTestId('lab-title')).toHaveText('Classifier lab: dot.csv')
  await page.getByTestId('lab-mode').getByText('Compare two networks').click()

  await page
    .getByTestId('lab-drop')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'sine-band.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByTestId('lab-title')).toHaveText('Classifier lab: sine-band.csv')
  await expect(lab).toContainText(rowsText)
  // The link carries the fingerprint, and the lab says the file itself is not in it.
  await expect(page).toHaveURL(new RegExp(`l\\.data=file:${hash}`))
  await expect(page).toHaveURL(/lab=cmp/)
  await expect(page.getByTestId('lab-link-note')).toContainText('the file itself is not in the link')
  await expect(page.getByTestId('lab-link-note')).toContainText(hash.slice(0, 12))
  const link = page.url()

  // Reload: the same data, the same settings, and it trains.
  await page.reload()
  await expect(page.getByTestId('lab-title')).toHaveText('Classifier lab: sine-band.csv')
  await expect(lab).toContainText(rowsText)
  await expect(
    page.getByTestId('lab-mode').getByRole('button', { name: 'Compare two networks' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 0 / 800')
  // One epoch in, then to the end: the boundary learns the band.
  await page.getByTestId('lab-step').click()
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 1 / 800')
  await expect.poll(() => accuracyOf(page, 'b')).not.toBeNaN()
  const before = await accuracyOf(page, 'b')
  await page.getByTestId('lab-train').click()
  await expect(page.getByTestId('lab-status')).toHaveText('Done', { timeout: 30_000 })
  const after = await accuracyOf(page, 'b')
  expect(after).toBeGreaterThan(80)
  expect(after).toBeGreaterThan(before)
  await keepScreenshot(page, 'lab-data-reloaded-en')
  await page.getByTestId('lang-zh').click()
  await expect(page.getByTestId('lab-title')).toHaveText('分类实验：sine-band.csv')
  await expect(page.getByTestId('lab-link-note')).toContainText('文件本身不在链接里')
  await page.getByTestId('lab-share').scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'lab-data-share-note-zh')
  expectNoErrors()

  // The same link in a fresh browser (no IndexedDB of ours): a plain message, dot.csv, the other settings.
  const fresh = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const other = await fresh.newPage()
  const watch = watchErrors(other)
  await other.goto(link.replace(/lang=zh/, 'lang=en'))
  await expect(other.getByTestId('classifier-lab')).toBeVisible()
  await expect(other.getByTestId('classifier-lab')).toContainText(
    'this browser does not have: a link carries only the file',
  )
  await expect(other.getByTestId('classifier-lab')).toContainText('300 rows')
  await expect(other.getByTestId('lab-title')).toHaveText('Classifier lab: dot.csv')
  await expect(
    other.getByTestId('lab-mode').getByRole('button', { name: 'Compare two networks' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await keepScreenshot(other, 'lab-data-missing-en')
  await other.getByTestId('lang-zh').click()
  await expect(other.getByTestId('classifier-lab')).toContainText('不在本浏览器中')
  await keepScreenshot(other, 'lab-data-missing-zh')
  watch.expectNoErrors()
  await fresh.close()
})

test('export lab → import in a fresh browser restores the data and the settings; a tampered file is refused', async ({
  page,
  browser,
}) => {
  const { expectNoErrors } = watchErrors(page)
  await openLab(page)
  await expect(page.getByTestId('classifier-lab')).toContainText('300 rows')
  await page.getByTestId('lab-mode').getByText('Compare two networks').click()
  await page
    .getByTestId('lab-drop')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'sine-band.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByTestId('lab-title')).toHaveText('Classifier lab: sine-band.csv')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('lab-export').click(),
  ])
  expect(download.suggestedFilename()).toBe('sine-band.lab.json')
  const exported = readFileSync((await download.path())!, 'utf8')
  const json = JSON.parse(exported)
  expect(json).toMatchObject({ format: 'loss-surface-playground/lab', version: 1, hash, text: csv })
  expectNoErrors()

  const fresh = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const other = await fresh.newPage()
  const watch = watchErrors(other)
  await openLab(other)
  const lab = other.getByTestId('classifier-lab')
  await expect(lab).toContainText('300 rows')
  // A tampered export (one label flipped, the fingerprint left as it was) is refused; dot.csv stays.
  const tampered = JSON.stringify({ ...json, text: csv.replace(/,1\n/, ',0\n') })
  const importer = other.getByTestId('lab-import').locator('input[type="file"]')
  await importer.setInputFiles({
    name: 'tampered.lab.json',
    mimeType: 'application/json',
    buffer: Buffer.from(tampered),
  })
  await expect(other.getByTestId('lab-data-problem')).toContainText('does not match its data')
  await expect(lab).toContainText('300 rows')
  await expect(other.getByTestId('lab-title')).toHaveText('Classifier lab: dot.csv')
  await other.getByTestId('lab-data-problem').scrollIntoViewIfNeeded()
  await keepScreenshot(other, 'lab-data-import-refused-en')
  await other.getByTestId('lang-zh').click()
  await expect(other.getByTestId('lab-data-problem')).toContainText('指纹（SHA-256）与数据不符')
  await other.getByTestId('lab-data-problem').scrollIntoViewIfNeeded()
  await keepScreenshot(other, 'lab-data-import-refused-zh')
  await other.getByTestId('lang-en').click()

  await importer.setInputFiles({
    name: 'sine-band.lab.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  })
  await expect(other.getByTestId('lab-title')).toHaveText('Classifier lab: sine-band.csv')
  await expect(lab).toContainText(rowsText)
  await expect(other.getByTestId('lab-data-problem')).toHaveCount(0)
  await expect(
    other.getByTestId('lab-mode').getByRole('button', { name: 'Compare two networks' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(other).toHaveURL(new RegExp(`l\\.data=file:${hash}`))
  await other.getByTestId('lab-share').scrollIntoViewIfNeeded()
  await keepScreenshot(other, 'lab-data-imported-en')
  // Imported data is kept in that browser too: a reload brings it back.
  await other.reload()
  await expect(other.getByTestId('lab-title')).toHaveText('Classifier lab: sine-band.csv')
  await expect(lab).toContainText(rowsText)
  watch.expectNoErrors()
  await fresh.close()
})
