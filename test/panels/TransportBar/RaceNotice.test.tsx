// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RaceNotice } from '../../../src/panels/TransportBar/RaceNotice'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import type { RaceDriver } from '../../../src/state/raceDriver'
import type { WorkerHealth } from '../../../src/worker/protocol'
import { createFakeDriver } from '../../state/fakeDriver'

afterEach(cleanup)

/** A store on a fake driver that also reports health, with the notice rendered. */
function setup(language: 'en' | 'zh' = 'en') {
  const fake = createFakeDriver()
  const healthListeners = new Set<(h: WorkerHealth) => void>()
  let retries = 0
  const driver: RaceDriver = {
    ...fake.driver,
    onHealth(listener) {
      healthListeners.add(listener)
      return () => void healthListeners.delete(listener)
    },
    retry: () => void retries++,
  }
  const store = createAppStore({ driver })
  store.getState().setLanguage(language)
  store.getState().restartIfNeeded()
  render(
    <AppStoreContext.Provider value={store}>
      <RaceNotice />
    </AppStoreContext.Provider>,
  )
  const health = (h: WorkerHealth) => act(() => healthListeners.forEach((l) => l(h)))
  return { store, fake, health, retries: () => retries }
}

const failure = { kind: 'unresponsive', message: 'the worker stopped answering' } as const

describe('RaceNotice', () => {
  it('says what failed, then where the race was restored, and can be dismissed', () => {
    const { store, fake, health } = setup()
    act(() => store.getState().seek(42))
    const races = fake.races.length
    health({ status: 'recovering', failure, attempt: 1 })
    expect(fake.races.length).toBe(races + 1) // the race was sent again
    expect(screen.getByTestId('race-worker-notice')).toHaveTextContent(
      'The computation stopped answering. Restarting it…',
    )
    health({ status: 'ok' })
    expect(screen.getByRole('status')).toHaveTextContent(
      'The computation stopped answering. It was restarted and the race was restored at step 42.',
    )
    fireEvent.click(screen.getByTestId('race-worker-notice-dismiss'))
    expect(screen.queryByTestId('race-worker-notice')).toBeNull()
  })

  it('after two failed restarts: an alert in Chinese with a Retry button that asks the driver to retry', () => {
    const { health, retries } = setup('zh')
    health({ status: 'failed', failure: { kind: 'load', message: '' } })
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('计算模块无法加载。连续两次重新启动失败，已停止。请检查网络连接后重试。')
    fireEvent.click(screen.getByTestId('race-worker-notice-retry'))
    expect(retries()).toBe(1)
  })

  it('a race the worker refused shows its message', () => {
    const { fake, store } = setup()
    act(() =>
      fake.emitError({
        type: 'error',
        runId: store.getState().runId!,
        code: 'bad-spec',
        message: 'lr must be > 0',
      }),
    )
    expect(screen.getByTestId('race-error')).toHaveTextContent('The race could not run: lr must be > 0')
  })
})
