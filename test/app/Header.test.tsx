import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Header } from '../../src/app/Header'
import { createSceneStore } from '../../src/state/scene/sceneStore'
import { SceneStoreContext } from '../../src/state/scene/useScene'
import { createAppStore } from '../../src/state/store'
import { AppStoreContext } from '../../src/state/useApp'
import { createFakeDriver } from '../state/fakeDriver'

afterEach(cleanup)

function setup() {
  const app = createAppStore({ driver: createFakeDriver().driver, autoRestart: false })
  const scenes = createSceneStore({ app })
  render(
    <AppStoreContext.Provider value={app}>
      <SceneStoreContext.Provider value={scenes}>
        <Header page="playground" onPage={() => {}} />
      </SceneStoreContext.Provider>
    </AppStoreContext.Provider>,
  )
  return app
}

describe('<Header> language switch', () => {
  it('switches the page language (zh is loaded in the tests, so at once)', () => {
    const app = setup()
    fireEvent.click(screen.getByTestId('lang-zh'))
    expect(app.getState().settings.language).toBe('zh')
    expect(screen.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('误差表面游乐场')
  })

  it('marks the language whose strings are loading, and says so when they could not be loaded', () => {
    const app = setup()
    act(() => app.setState({ languagePending: 'zh' }))
    expect(screen.getByTestId('lang-zh')).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByTestId('lang-en')).toHaveAttribute('aria-busy', 'false')
    act(() => app.setState({ languagePending: null, languageFailed: 'zh' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The 中文 strings could not be loaded; the page stays in this language.',
    )
    expect(screen.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true')
  })
})

describe('<Header> menu, short tabs and skip link', () => {
  it('folds the secondary actions behind a Menu disclosure that Escape closes, focus back on its button', () => {
    setup()
    const toggle = screen.getByTestId('header-menu-toggle')
    const menu = screen.getByTestId('header-menu')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveAttribute('aria-controls', menu.id)
    expect(toggle).toHaveAccessibleName('Menu')
    // Presenter mode, copy link and the language live in the menu.
    for (const id of ['presenter-toggle', 'copy-link', 'lang-zh'])
      expect(menu).toContainElement(screen.getByTestId(id))
    fireEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    act(() => void fireEvent.keyDown(document, { key: 'Escape' }))
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
  })

  it('closes the menu on a press outside it', () => {
    setup()
    fireEvent.click(screen.getByTestId('header-menu-toggle'))
    act(() => void fireEvent.pointerDown(document.body))
    expect(screen.getByTestId('header-menu-toggle')).toHaveAttribute('aria-expanded', 'false')
  })

  it('gives every page tab a long and a short name (the phone header shows the short one)', () => {
    setup()
    const scenes = screen.getByTestId('nav-scenes')
    expect(scenes.querySelector('.nav-long')).toHaveTextContent('Lecture scenes')
    expect(scenes.querySelector('.nav-short')).toHaveTextContent('Scenes')
  })

  it('starts with a skip link that focuses the main figure', () => {
    setup()
    const figure = document.createElement('canvas')
    figure.tabIndex = 0
    figure.setAttribute('data-main-figure', '')
    document.body.append(figure)
    const skip = screen.getByTestId('skip-link')
    expect(skip).toHaveTextContent('Skip to the figure')
    fireEvent.click(skip)
    expect(figure).toHaveFocus()
    figure.remove()
  })
})
