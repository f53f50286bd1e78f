import { describe, expect, it } from 'vitest'
import { getScene, scenes } from '../../../src/core/scenes/index'
import type { Scene, SceneAction } from '../../../src/core/scenes/index'
import { describeAction, formatCardNumber } from '../../../src/panels/SceneCards/actionLabel'
import { racerName } from '../../../src/panels/SceneCards/racerName'
import type { MessageKey } from '../../../src/i18n/en'
import { translate } from '../../../src/i18n/translate'
import type { Language, MessageParams } from '../../../src/i18n/translate'

const label = (action: SceneAction, scene: Scene, language: Language = 'en') =>
  describeAction(action, {
    t: (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    language,
    scene,
  })
const cardAction = (scene: Scene, id: string): SceneAction => scene.cards.find((c) => c.id === id)!.action!
const saddle = getScene('saddle-escape')

describe('describeAction(action, context)', () => {
  it('the saddle’s Hessian card: start at θ′ = (0, 0), then escape along u', () => {
    expect(label(cardAction(saddle, 'hessian'), saddle)).toBe(
      'Start at (0, 0), then escape along u, the eigenvector of the negative eigenvalue',
    )
    expect(label(cardAction(saddle, 'hessian'), saddle, 'zh')).toBe(
      '从 (0, 0) 出发，然后沿负特征值的特征向量 u 逃离',
    )
  })

  it('the noise card prints the start with a typographic minus and the noise’s standard deviation', () => {
    expect(label(cardAction(saddle, 'noise'), saddle)).toBe(
      'Start at (1.5, −1.5), then add gradient noise, std 0.5',
    )
    expect(label(cardAction(saddle, 'noise'), saddle, 'zh')).toBe(
      '从 (1.5, −1.5) 出发，然后给梯度加上标准差 0.5 的噪声',
    )
  })

  it('names a racer by the scene’s label and the new value in the lecture’s symbol', () => {
    const scene = getScene('adagrad-spurts')
    const name = scene.racers![0].label!.en
    expect(label(cardAction(scene, 'eta-one'), scene)).toBe(`${name}: η = 1`)
  })

  it('showRacers lists the racers shown, or says every optimizer when it shows them all', () => {
    const scene = getScene('decay-and-warm-up')
    // Labels such as “Adagrad, η^t = …” hold commas themselves: each name is quoted.
    const names = [0, 4].map((i) => `“${scene.racers![i].label!.en}”`).join(', ')
    expect(label(cardAction(scene, 'decay'), scene)).toBe(`Show only ${names}`)
    expect(label(cardAction(scene, 'adam'), scene)).toBe('Show every optimizer')
    const zh = [0, 4].map((i) => `「${scene.racers![i].label!.zh}」`).join('、')
    expect(label(cardAction(scene, 'decay'), scene, 'zh')).toBe(`只显示 ${zh}`)
  })

  it('λ on and off, annealed noise, noise off, a surface by its name, playback, a schedule', () => {
    const dot = getScene('dot-regularization')
    expect(label({ type: 'setLambda', lambda: 0.03 }, dot)).toBe('Turn on L2 regularization, λ = 0.03')
    expect(label({ type: 'setLambda', lambda: 0 }, dot)).toBe('Turn regularization off (λ = 0)')
    const canyon = getScene('canyon-vs-basin')
    expect(label(cardAction(canyon, 'noise'), canyon)).toBe(
      'Add gradient noise, std 3, fading to 0 over 3000 steps',
    )
    expect(label({ type: 'setNoise', noise: { std: 0, seed: 1 } }, canyon)).toBe(
      'Turn the gradient noise off',
    )
    expect(label({ type: 'play' }, canyon, 'zh')).toBe('播放')
    expect(label({ type: 'toEnd' }, canyon)).toBe('Jump to the end')
    const mse = getScene('mse-vs-cross-entropy')
    expect(label(cardAction(mse, 'cross-entropy'), mse)).toMatch(/^Switch to “.+”$/)
    expect(label({ type: 'setSchedule', schedule: { kind: 'inverse-sqrt' } }, mse)).toBe(
      'Schedule: η/√(t+1) (2017 lecture)',
    )
  })

  it('labels every card action of every scene in both languages, with no placeholder left', () => {
    for (const scene of scenes) {
      for (const card of scene.cards) {
        if (card.action === undefined) continue
        for (const language of ['en', 'zh'] as const) {
          const text = label(card.action, scene, language)
          expect(text.length, `${scene.id}/${card.id}`).toBeGreaterThan(1)
          expect(text, `${scene.id}/${card.id}`).not.toMatch(/[{}]|undefined|NaN/)
        }
      }
    }
  })

  it('formatCardNumber keeps four significant digits and a typographic minus', () => {
    expect(formatCardNumber(-1.499)).toBe('−1.499')
    expect(formatCardNumber(0.05)).toBe('0.05')
    expect(formatCardNumber(2 / 3)).toBe('0.6667')
  })
})

describe('racerName(sceneRacer, optimizer, language)', () => {
  const racer = saddle.racers![0]

  it('is the scene’s label while the racer runs the optimizer the label describes', () => {
    expect(racerName(racer, { kind: 'sgd', convention: 'lecture', lr: 0.01 }, 'en')).toBe(
      'Vanilla GD, η = 0.01',
    )
    expect(racerName(racer, { kind: 'sgd', convention: 'lecture', lr: 0.01 }, 'zh')).toBe(
      '一般梯度下降 η = 0.01',
    )
  })

  it('falls back to the optimizer’s name and its current η once a card or the user changed it', () => {
    const name = racerName(racer, { kind: 'sgd', convention: 'lecture', lr: 0.5 }, 'en')
    expect(name).not.toContain('0.01')
    expect(name).toMatch(/η = 0\.5$/)
    expect(racerName(undefined, { kind: 'adam', convention: 'pytorch', lr: 0.001 }, 'en')).toBe(
      'Adam, η = 0.001',
    )
  })
})
