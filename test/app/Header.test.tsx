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
