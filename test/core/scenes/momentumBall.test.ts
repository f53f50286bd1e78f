import { describe, expect, it } from 'vitest'
import { momentumBall as scene } from '../../../src/core/scenes/momentumBall.meta'
import { initialSetup } from '../../../src/core/scenes/setup'
import { assertInDelta } from '../../helpers/assertInDelta'
import { endOf, runRacers } from './sceneRuns'

// docs/lectures.md S7 by hand: f(w₁) = w₁⁴ − 3w₁² − w₁, f′ = 4w₁³ − 6w₁ − 1; its roots by Newton's method.
const f = (w: number): number => w ** 4 - 3 * w * w - w
function root(w: number): number {
  for (let i = 0; i < 50; i++) w -= (4 * w ** 3 - 6 * w - 1) / (12 * w * w - 6)
  return w
}
const shallow = root(-1.2)
const bump = root(-0.2)
const deep = root(1.3)

describe('momentum-ball scene (docs/lectures.md S7)', () => {
  it('rolls lecture momentum λ ∈ {0, 0.8, 0.9} with η = 0.01 from (−2, 0), with the momentum arrows on', () => {
    const setup = initialSetup(scene)
    expect(setup.start).toEqual([-2, 0])
    expect(setup.racers.map((r) => r.optimizer)).toEqual(
      [0, 0.8, 0.9].map((momentum) => ({ kind: 'momentum', convention: 'lecture', lr: 0.01, momentum })),
    )
    expect(scene.showArrows).toBe(true)
  })

  it('the curve has a shallow minimum −1.131 (f = −1.07), a bump −0.170 (0.08) and a deep minimum 1.301 (−3.51)', () => {
    assertInDelta([shallow, bump, deep], [-1.131, -0.17, 1.301], 5e-4, 'critical points')
    assertInDelta([f(shallow), f(bump), f(deep)], [-1.07, 0.08, -3.51], 5e-3, 'values')
  })

  it('λ = 0 (vanilla GD) and λ = 0.8 stop in the shallow minimum; only λ = 0.9 rolls over into the deep one', () => {
    const [gd, m8, m9] = runRacers(initialSetup(scene)).map(endOf)
    assertInDelta(gd, [shallow, 0], 1e-6, 'λ = 0')
    assertInDelta(m8, [shallow, 0], 1e-6, 'λ = 0.8')
    assertInDelta(m9, [deep, 0], 1e-6, 'λ = 0.9')
  })

  it('λ = 0.9 crosses the bump w₁ ≈ −0.17 once it has built up speed', () => {
    const [, , m9] = runRacers(initialSetup(scene))
    const k = m9.x.findIndex((w) => w > bump)
    expect(k).toBeGreaterThan(0)
    expect(m9.x[k] - m9.x[k - 1]).toBeGreaterThan(0)
  })
})
