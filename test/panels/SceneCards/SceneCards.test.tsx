// @vitest-environment jsdom
// The jest-dom matchers' types (test/setup.dom.ts registers them at run time).
import '@testing-library/jest-dom/vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getScene } from '../../../src/core/scenes/index'
import { SceneCards } from '../../../src/panels/SceneCards/SceneCards'
import { createSceneStore } from '../../../src/state/scene/sceneStore'
import { SceneStoreContext } from '../../../src/state/scene/useScene'
import { createAppStore } from '../../../src/state/store'
import { AppStoreContext } from '../../../src/state/useApp'
import { loadKatex } from '../../../src/ui/Tex'
import { createFakeDriver } from '../../state/fakeDriver'
import { loadSceneLibrary } from '../../../src/state/scene/sceneLibrary'

// The scenes' content is a lazy chunk in the app; here it is fetched once, so scenes open synchronously.
beforeAll(async () => {
  await loadSceneLibrary()
})

beforeAll(async () => {
  // Formulas then typeset synchronously, so no render happens outside act().
  await loadKatex()
})
afterEach(cleanup)

const saddle = getScene('saddle-escape')

function setup(sceneId?: string) {
  const fake = createFakeDriver()
  const app = createAppStore({ driver: fake.driver })
  const scenes = createSceneStore({ app })
  if (sceneId !== undefined) scenes.getState().openScene(sceneId)
  render(
    <AppStoreContext.Provider value={app}>
      <SceneStoreContext.Provider value={scenes}>
        <button type="button">elsewhere</button>
        <SceneCards />
      </SceneStoreContext.Provider>
    </AppStoreContext.Provider>,
  )
  return { fake, app, scenes }
}
const click = (el: HTMLElement) => act(() => fireEvent.click(el))
const panel = () => screen.getByTestId('scene-cards')

describe('<SceneCards>', () => {
  it('renders nothing while no scene is open', () => {
    setup()
    expect(screen.queryByTestId('scene-cards')).toBeNull()
  })

  it('shows the first card: scene, kind, title, body, progress, the action button and the racers', () => {
    setup('saddle-escape')
    expect(panel()).toHaveTextContent('Scene 1: Don’t fear the saddle point')
    expect(panel()).toHaveTextContent('Symptom')
    expect(screen.getByTestId('scene-card-title')).toHaveTextContent('The loss is stuck at 1')
    expect(panel()).toHaveTextContent(saddle.cards[0].body.en)
    expect(panel()).toHaveTextContent('Card 1 of 7')
    expect(screen.getByTestId('scene-card-action')).toHaveTextContent('Start at (1.5, −1.5)')
    expect(screen.getByTestId('scene-card-prev')).toBeDisabled()
    expect(panel()).toHaveTextContent('Vanilla GD, η = 0.01')
    expect(panel()).toHaveTextContent('Momentum λ = 0.9, η = 0.05')
    const dots = within(panel()).getAllByRole('button', { name: /^Card \d: / })
    expect(dots).toHaveLength(7)
    expect(dots[0]).toHaveAttribute('aria-current', 'step')
  })

  it('the action button carries out the card’s action and says it is done', () => {
    const { app } = setup('saddle-escape')
    click(screen.getByTestId('scene-card-action'))
    expect(app.getState().settings.start).toEqual([1.5, -1.5])
    expect(panel()).toHaveAttribute('data-applied', '1')
    expect(screen.getByRole('status')).toHaveTextContent('Done')
  })

  it('next, previous and the dots move between cards; the math card typesets its formula', () => {
    setup('saddle-escape')
    click(screen.getByTestId('scene-card-next'))
    expect(screen.getByTestId('scene-card-title')).toHaveTextContent('Stuck in a local minimum?')
    expect(screen.queryByTestId('scene-card-action')).toBeNull()
    expect(screen.getByTestId('scene-card-prev')).toBeEnabled()
    click(screen.getByRole('button', { name: 'Card 4: Warning of Math: the Hessian' }))
    expect(panel()).toHaveAttribute('data-card', '3')
    expect(panel()).toHaveTextContent('Warning of Math')
    expect(panel().querySelector('.scene-card-tex .katex')).not.toBeNull()
    click(screen.getByTestId('scene-card-prev'))
    expect(panel()).toHaveAttribute('data-card', '2')
    click(screen.getByRole('button', { name: /^Card 7: / }))
    expect(screen.getByTestId('scene-card-next')).toBeDisabled()
  })

  it('speaks Chinese, with the English title beside it for the lecture’s terms', () => {
    const { app } = setup('saddle-escape')
    act(() => app.getState().setLanguage('zh'))
    expect(screen.getByTestId('scene-card-title')).toHaveTextContent('损失卡在 1 不动了')
    expect(panel()).toHaveTextContent('症状')
    expect(panel()).toHaveTextContent('第 1 张，共 7 张')
    expect(panel().querySelector('[lang="en"]')).toHaveTextContent('The loss is stuck at 1')
    expect(screen.getByTestId('scene-card-action')).toHaveTextContent('从 (1.5, −1.5) 出发')
  })

  it('names a racer by its optimizer and current η once a card changed the η of its label', () => {
    const { scenes } = setup('adagrad-spurts')
    const scene = getScene('adagrad-spurts')
    act(() => scenes.getState().goToCard(scene.cards.findIndex((c) => c.id === 'eta-one')))
    const legend = () => panel().querySelector('.scene-card-racers')!
    expect(legend()).toHaveTextContent(scene.racers![0].label!.en)
    click(screen.getByTestId('scene-card-action'))
    expect(legend()).not.toHaveTextContent(scene.racers![0].label!.en)
    expect(legend()).toHaveTextContent(/adagrad, η = 1$/i)
  })

  it('reports an action the edited race cannot take', () => {
    const { app, scenes } = setup('decay-and-warm-up')
    const scene = getScene('decay-and-warm-up')
    act(() => scenes.getState().goToCard(scene.cards.findIndex((c) => c.id === 'decay')))
    act(() => app.getState().removeRacer('r4'))
    click(screen.getByTestId('scene-card-action'))
    expect(screen.getByRole('alert')).toHaveTextContent('could not be applied')
  })

  it('takes the focus when a scene opens, and “All scenes” closes it', () => {
    const { app, scenes } = setup()
    act(() => scenes.getState().openScene('momentum-ball'))
    expect(within(panel()).getByRole('heading', { level: 2 })).toHaveFocus()
    click(screen.getByTestId('scene-back'))
    expect(screen.queryByTestId('scene-cards')).toBeNull()
    expect(app.getState().settings.scene).toBeUndefined()
    expect(scenes.getState().page).toBe('scenes')
  })

  it('the scene arrows open the neighbouring scenes; the first has no previous one', () => {
    const { app } = setup('saddle-escape')
    expect(screen.getByRole('button', { name: 'Previous scene' })).toBeDisabled()
    click(screen.getByTestId('scene-next-scene'))
    expect(app.getState().settings.scene).toBe('minimum-ratio')
    expect(panel()).toHaveTextContent('Scene 2')
  })

  it('the ? button opens the help overlay', () => {
    const { scenes } = setup('saddle-escape')
    click(screen.getByTestId('scene-help'))
    expect(scenes.getState().helpOpen).toBe(true)
  })
})
