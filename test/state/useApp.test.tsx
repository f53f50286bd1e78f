// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { createElement } from 'react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { selectCursor, selectSteps } from '../../src/state/selectors'
import { createAppStore } from '../../src/state/store'
import { AppStoreContext, useApp, useAppStore, useT } from '../../src/state/useApp'
import { createFakeDriver, indexedChunk } from './fakeDriver'

function setup() {
  const fake = createFakeDriver()
  const store = createAppStore({ driver: fake.driver, autoRestart: false })
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(AppStoreContext.Provider, { value: store }, children)
  return { fake, store, wrapper }
}

describe('useApp', () => {
  it('useApp(selector) re-renders when the selected value changes, and not for per-frame data it does not select', () => {
    const { store, wrapper, fake } = setup()
    let renders = 0
    const { result } = renderHook(
      () => {
        renders++
        return useApp(selectSteps)
      },
      { wrapper },
    )
    expect(result.current).toBe(500)
    store.getState().startRace()
    const before = renders
    act(() => {
      for (let p = 0; p < 50; p++)
        fake.emit({
          type: 'race.frames',
          runId: 1,
          cursor: p,
          playing: true,
          racers: [indexedChunk('r0', p, 1)],
        })
    })
    expect(renders).toBe(before)
    act(() => store.getState().setSteps(42))
    expect(result.current).toBe(42)
  })

  it('useApp(selectCursor) follows the playhead', () => {
    const { store, wrapper, fake } = setup()
    const { result } = renderHook(() => useApp(selectCursor), { wrapper })
    store.getState().startRace()
    act(() => fake.emit({ type: 'race.cursor', runId: 1, cursor: 7, playing: true }))
    expect(result.current).toBe(7)
  })

  it('useT() translates in the current language and switches with it', () => {
    const { store, wrapper } = setup()
    const { result } = renderHook(() => useT(), { wrapper })
    expect(result.current('status.diverged', { n: 3 })).toBe('Diverged at step 3')
    act(() => store.getState().setLanguage('zh'))
    expect(result.current('status.diverged', { n: 3 })).toBe('在第 3 步发散')
  })

  it('useAppStore() outside a provider throws a clear error', () => {
    expect(() => renderHook(() => useAppStore())).toThrow(/AppStoreContext/)
  })
})
