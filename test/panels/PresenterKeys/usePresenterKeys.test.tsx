// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useEffect, useRef } from 'react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { HelpOverlay } from '../../../src/panels/PresenterKeys/HelpOverlay'
import { PresenterToggle } from '../../../src/panels/PresenterKeys/PresenterToggle'
import { PRESENTER_KEYS } from '../../../src/panels/PresenterKeys/presenterKeys'
import { toggleFullscreen, usePresenterKeys } from '../../../src/panels/PresenterKeys/usePresenterKeys'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { SceneStoreContext } from '../../../src/state/scene/useScene'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { createFakeDriver } from '../../state/fakeDriver'
import { loadSceneLibrary } from '../../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

afterEach(cleanup)

/** A canvas that pans on arrows itself (as the surface panel's does) and marks them handled. */
function PanningCanvas({ onPan }: { onPan: () => void }) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const el = ref.current!
    const down = (e: KeyboardEvent) => {
      if (e.key.startsWith('Arrow')) {
        onPan()
        e.preventDefault()
      }
    }
    el.addEventListener('keydown', down)
    return () => el.removeEventListener('keydown', down)
  }, [onPan])
  return <canvas ref={ref} tabIndex={0} data-testid="canvas" />
}

function Harness({ onPan }: { onPan: () => void }) {
  usePresenterKeys()
  return (
    <>
      <PresenterToggle />
      <input data-testid="field" />
      <button type="button" data-testid="other-button">
        other
      </button>
      <PanningCanvas onPan={onPan} />
      <HelpOverlay />
    </>
  )
}

function setup(sceneId: string | null = 'saddle-escape') {
  const fake = createFakeDriver()
  const app = createAppStore({ driver: fake.driver })
  const scenes = createSceneStore({ app })
  if (sceneId !== null) scenes.getState().openScene(sceneId)
  else scenes.getState().showPage('playground')
  const pans = { n: 0 }
  render(
    <AppStoreContext.Provider value={app}>
      <SceneStoreContext.Provider value={scenes}>
        <Harness onPan={() => void pans.n++} />
      </SceneStoreContext.Provider>
    </AppStoreContext.Provider>,
  )
  fake.clear()
  return { fake, app, scenes, pans }
}
const key = (init: KeyboardEventInit, target: Element = document.body) =>
  act(() => void fireEvent.keyDown(target, init))

describe('usePresenterKeys()', () => {
  it('Shift + → walks the cards: first the card’s action, then the next card; Shift + ← goes back', () => {
    const { app, scenes } = setup()
    key({ key: 'ArrowRight', shiftKey: true })
    expect(app.getState().settings.start).toEqual([1.5, -1.5])
    expect(scenes.getState().applied).toBe(true)
    key({ key: 'ArrowRight', shiftKey: true })
    expect(app.getState().settings.card).toBe(1)
    key({ key: 'PageDown' })
    expect(app.getState().settings.card).toBe(2)
    key({ key: 'PageUp' })
    key({ key: 'ArrowLeft', shiftKey: true })
    expect(app.getState().settings.card).toBe(0)
  })

  it('space, arrows, R and the digits drive the race; N and P switch scenes', () => {
    const { fake, app } = setup()
    key({ key: ' ' })
    key({ key: 'ArrowRight' })
    key({ key: 'r' })
    expect(fake.names()).toEqual(['pause', 'step', 'reset'])
    key({ key: '2' })
    expect(app.getState().settings.racers[1].hidden).toBe(true)
    key({ key: 'N', shiftKey: true })
    expect(app.getState().settings.scene).toBe('minimum-ratio')
    key({ key: 'p' })
    expect(app.getState().settings.scene).toBe('saddle-escape')
  })

  it('marks the keys it takes, so the transport bar’s window listener does not act on them twice', () => {
    setup()
    const seen: boolean[] = []
    const listener = (e: KeyboardEvent) => void seen.push(e.defaultPrevented)
    window.addEventListener('keydown', listener)
    key({ key: ' ' })
    key({ key: 'x' })
    window.removeEventListener('keydown', listener)
    expect(seen).toEqual([true, false])
  })

  it('leaves keys to a text field and arrows to a canvas that pans itself', () => {
    const { fake, app, pans } = setup()
    key({ key: 'n' }, screen.getByTestId('field'))
    key({ key: ' ' }, screen.getByTestId('field'))
    expect(app.getState().settings.scene).toBe('saddle-escape')
    key({ key: 'ArrowRight' }, screen.getByTestId('canvas'))
    expect(pans.n).toBe(1)
    expect(fake.names()).toEqual([])
  })

  it('on the playground, Shift + → is left to the transport bar and the card keys do nothing', () => {
    const { fake, app } = setup(null)
    key({ key: 'ArrowRight', shiftKey: true })
    key({ key: 'PageDown' })
    expect(fake.names()).toEqual([])
    expect(app.getState().settings.scene).toBeUndefined()
    key({ key: 'ArrowRight' })
    expect(fake.names()).toEqual(['step'])
  })
})

describe('<HelpOverlay>', () => {
  it('? opens a dialog listing every key, focused on its close button; Esc closes it and gives the focus back', () => {
    setup()
    const before = screen.getByTestId('other-button')
    before.focus()
    key({ key: '?', shiftKey: true }, before)
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(within(dialog).getAllByRole('row')).toHaveLength(PRESENTER_KEYS.length)
    expect(dialog).toHaveTextContent('Clicker: next card')
    expect(dialog).toHaveTextContent('Page Down')
    expect(screen.getByTestId('help-close')).toHaveFocus()
    key({ key: 'Escape' }, screen.getByTestId('help-close'))
    expect(screen.queryByTestId('help-overlay')).toBeNull()
    expect(before).toHaveFocus()
  })

  it('is modal for the keys: N does nothing while it is open', () => {
    const { app } = setup()
    key({ key: '?' })
    key({ key: 'n' }, screen.getByTestId('help-close'))
    expect(app.getState().settings.scene).toBe('saddle-escape')
  })

  it('speaks Chinese', () => {
    const { app } = setup()
    act(() => app.getState().setLanguage('zh'))
    key({ key: '?' })
    expect(screen.getByRole('dialog')).toHaveTextContent('翻页笔：下一张卡片')
    expect(screen.getByRole('dialog')).toHaveTextContent('空格')
  })

  it('closes on a click outside it, not inside', () => {
    setup()
    key({ key: '?' })
    act(() => void fireEvent.click(screen.getByTestId('help-overlay')))
    expect(screen.getByTestId('help-overlay')).toBeInTheDocument()
    act(() => void fireEvent.click(screen.getByTestId('help-overlay').parentElement!))
    expect(screen.queryByTestId('help-overlay')).toBeNull()
  })
})

describe('<PresenterToggle> and toggleFullscreen', () => {
  it('the toggle switches presenter mode and shows its state', () => {
    const { app } = setup()
    const toggle = screen.getByTestId('presenter-toggle')
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    act(() => void fireEvent.click(toggle))
    expect(app.getState().settings.presenter).toBe(true)
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
  })

  it('the M key toggles presenter mode too, and the toggle follows', () => {
    const { app } = setup()
    key({ key: 'm' })
    expect(app.getState().settings.presenter).toBe(true)
    expect(screen.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true')
    key({ key: 'M', shiftKey: true })
    expect(app.getState().settings.presenter).toBeFalsy()
    expect(screen.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'false')
  })

  it('toggleFullscreen enters or leaves full screen, and a refusal is not an error', async () => {
    const request = vi.fn(() => Promise.reject(new Error('not allowed')))
    const exit = vi.fn(() => Promise.resolve())
    toggleFullscreen({
      fullscreenElement: null,
      exitFullscreen: exit,
      documentElement: { requestFullscreen: request },
    })
    expect(request).toHaveBeenCalledTimes(1)
    const element = document.createElement('div')
    toggleFullscreen({
      fullscreenElement: element,
      exitFullscreen: exit,
      documentElement: { requestFullscreen: request },
    })
    expect(exit).toHaveBeenCalledTimes(1)
    // Without the API (an old phone) nothing happens.
    expect(() => toggleFullscreen({ documentElement: {} })).not.toThrow()
    await Promise.resolve()
  })
})
