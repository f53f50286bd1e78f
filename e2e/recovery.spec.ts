import { expect, test, type Page, type Worker } from '@playwright/test'
import { keepScreenshot } from './helpers'

// Issue 11: a worker that fails (closes itself, throws, never loads) is noticed, restarted, and the page's
// state restored: the race at its playhead, the lab at its epoch; two failed restarts stop with "Retry".

const timelineValue = async (page: Page): Promise<number> =>
  Number((await page.getByTestId('timeline').inputValue()) || 0)

const epochOf = async (page: Page): Promise<number> =>
  Number(/(\d+) \//.exec((await page.getByTestId('lab-epoch-a').textContent()) ?? '')?.[1] ?? NaN)

/** The app's worker now (a restart replaces it; the newest is last). */
async function currentWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0)
  return page.workers()[page.workers().length - 1]
}

/** Waits until both loss landscapes show `epoch`: no landscape is in flight, whose long grace (a Hessian of a
 * large network may take seconds) would rightly delay noticing the closed worker by up to 20 s. */
async function landscapesAt(page: Page, epoch: number): Promise<void> {
  for (const key of ['a', 'b'])
    await expect(page.getByTestId(`lab-landscape-${key}`)).toHaveAttribute('data-epoch', String(epoch))
}

/** Ends the worker as `self.close()` does: no event, it just stops answering. */
async function closeWorker(page: Page): Promise<void> {
  const worker = await currentWorker(page)
  await worker.evaluate(() => setTimeout(() => self.close(), 0)).catch(() => {})
}

/** An uncaught exception inside the worker (reported by the Worker's error event). */
async function throwInWorker(page: Page): Promise<void> {
  const worker = await currentWorker(page)
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('boom')
    }, 0)
  })
}

test('a worker that closes itself mid-race is restarted: the message shows and the race returns to its playhead', async ({
  page,
}) => {
  await page.goto('./?lang=en')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await expect.poll(() => timelineValue(page)).toBeGreaterThan(30)
  await page.getByTestId('transport-play').click() // pause
  await expect(page.getByTestId('transport-play')).toHaveAttribute('aria-label', 'Play')
  const at = await timelineValue(page)

  await closeWorker(page)
  const notice = page.getByTestId('race-worker-notice')
  await expect(notice).toContainText('The computation stopped answering.')
  await expect(notice).toContainText(`It was restarted and the race was restored at step ${at}.`)
  await expect(page.getByTestId('step-counter')).toContainText(`step ${at} /`)
  await notice.scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'recovery-race-closed-en')

  // The restored race plays on from the same playhead, computed by the new worker.
  await page.getByTestId('transport-play').click()
  await expect.poll(() => timelineValue(page)).toBeGreaterThan(at + 10)
  await page.getByTestId('race-worker-notice-dismiss').click()
  await expect(notice).toHaveCount(0)
})

test('an exception inside the worker while the race plays: message, restart, and the race plays on', async ({
  page,
}) => {
  await page.goto('./?lang=zh')
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await expect.poll(() => timelineValue(page)).toBeGreaterThan(20)
  const before = await timelineValue(page)
  await throwInWorker(page)
  const notice = page.getByTestId('race-worker-notice')
  await expect(notice).toContainText('计算因错误而中止。')
  await expect(notice).toContainText('已重新启动，比赛已恢复到第')
  const restoredAt = Number(/第 (\d+) 步/.exec((await notice.textContent()) ?? '')?.[1])
  expect(restoredAt).toBeGreaterThanOrEqual(before)
  await expect.poll(() => timelineValue(page)).toBeGreaterThan(restoredAt + 10)
  await notice.scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'recovery-race-crashed-zh')
})

test('a worker script that does not load: two restarts, then a message with Retry, which brings the app back', async ({
  page,
}) => {
  let blocked = 0
  await page.route('**/assets/worker-*.js', (route) => {
    blocked++
    return route.fulfill({ status: 404, body: 'not found' })
  })
  await page.goto('./?lang=en')
  const notice = page.getByTestId('race-worker-notice')
  await expect(notice).toContainText('The computation could not be loaded.')
  await expect(notice).toContainText('Restarting failed twice')
  await expect(notice).toHaveAttribute('role', 'alert')
  // No loop: the first worker and two restarts, then it waits.
  await page.waitForTimeout(1500)
  expect(blocked).toBe(3)
  await expect(page.locator('.surface-status')).toContainText('Restarting failed twice')
  await keepScreenshot(page, 'recovery-load-failed-en')

  await page.unroute('**/assets/worker-*.js')
  await page.getByTestId('race-worker-notice-retry').click()
  await expect(page.getByTestId('surface-panel')).toHaveAttribute('data-grid-ready', '1')
  await expect(notice).toContainText('It was restarted')
  await page.getByTestId('transport-play').click()
  await expect.poll(() => timelineValue(page)).toBeGreaterThan(5)
})

test('the same load failure in Chinese', async ({ page }) => {
  await page.route('**/assets/worker-*.js', (route) => route.fulfill({ status: 404, body: '' }))
  await page.goto('./?lang=zh')
  const notice = page.getByTestId('race-worker-notice')
  await expect(notice).toContainText('计算模块无法加载。')
  await expect(notice).toContainText('连续两次重新启动失败')
  await expect(page.getByTestId('race-worker-notice-retry')).toHaveText('重试')
  await expect(page.locator('.surface-status')).toHaveText(
    '计算模块无法加载。连续两次重新启动失败，已停止。请检查网络连接后重试。',
  )
  await keepScreenshot(page, 'recovery-load-failed-surface-zh')
  await notice.scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'recovery-load-failed-zh')
})

test('a worker that closes itself during training: the lab says so, is back at its epoch, and trains on to Done', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 })
  await page.goto('./?lang=en')
  await page.getByTestId('nav-classifier').click()
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 0 / 800')
  // Train to a known epoch, paused (800 epochs play in about two seconds: too fast to stop at a chosen one).
  const epoch = 7
  for (let k = 1; k <= epoch; k++) {
    await page.getByTestId('lab-step').click()
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(`Epoch ${k} / 800`)
  }
  await expect(page.getByTestId('lab-status')).toHaveText('Paused')
  await landscapesAt(page, epoch)
  await closeWorker(page)
  const notice = page.getByTestId('lab-worker-notice')
  await expect(notice).toContainText('The computation stopped answering.')
  await expect(notice).toContainText(`It was restarted and training was restored at epoch ${epoch}.`)
  await expect(page.getByTestId('lab-epoch-a')).toHaveText(`Epoch ${epoch} / 800`)
  await expect(page.getByTestId('lab-status')).toHaveText('Paused')
  await keepScreenshot(page, 'recovery-lab-closed-en')
  await page.getByTestId('lab-train').click()
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 800 / 800', { timeout: 30_000 })
  await expect(page.getByTestId('lab-status')).toHaveText('Done')
  await expect(page.getByTestId('lab-run-error')).toHaveCount(0)
})

test('a worker that throws while the lab trains: the lab says so and trains on from its epoch', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 })
  // 20 000 epochs: long enough to still be training when the worker fails.
  await page.goto('./?lang=en&lab=reg&l.a=ep:20000&l.b=ep:20000')
  await expect(page.getByTestId('lab-epoch-a')).toHaveText('Epoch 0 / 20000')
  await page.getByTestId('lab-train').click()
  await expect.poll(() => epochOf(page)).toBeGreaterThan(100)
  await throwInWorker(page)
  const notice = page.getByTestId('lab-worker-notice')
  await expect(notice).toContainText('The computation stopped with an error.')
  await expect(notice).toContainText('It was restarted and training was restored at epoch')
  const restoredAt = Number(/epoch (\d+)/.exec((await notice.textContent()) ?? '')?.[1])
  expect(restoredAt).toBeGreaterThan(100)
  expect(restoredAt).toBeLessThan(20000)
  // It plays on from there, in the new worker.
  await expect(page.getByTestId('lab-status')).toHaveText('Training…')
  await expect.poll(() => epochOf(page)).toBeGreaterThan(restoredAt + 100)
  await expect(page.getByTestId('lab-status')).toHaveText('Training…')
  await expect(page.getByTestId('lab-run-error')).toHaveCount(0)
  await notice.scrollIntoViewIfNeeded()
  await keepScreenshot(page, 'recovery-lab-crashed-en')
})

test('the lab message in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 })
  await page.goto('./?lang=zh')
  await page.getByTestId('nav-classifier').click()
  for (let k = 1; k <= 3; k++) {
    await page.getByTestId('lab-step').click()
    await expect(page.getByTestId('lab-epoch-a')).toHaveText(`回合 ${k} / 800`)
  }
  await landscapesAt(page, 3)
  await closeWorker(page)
  const notice = page.getByTestId('lab-worker-notice')
  await expect(notice).toContainText('计算停止了响应。')
  await expect(notice).toContainText('计算停止了响应。已重新启动，训练已恢复到第 3 回合。')
  await keepScreenshot(page, 'recovery-lab-closed-zh')
})
