import { describe, expect, it } from 'vitest'
import { runTrajectory } from '../../../src/core/run'
import type { OptimizerSpec } from '../../../src/core/types'
import { arrowScale, hasCarriedMovement, momentumArrows } from '../../../src/panels/SurfacePanel/arrowVectors'
import { arrowNote } from '../../../src/panels/SurfacePanel/arrowVectors'
import type { ArrowTrack } from '../../../src/panels/SurfacePanel/arrowVectors'
import { viewScales } from '../../../src/render/scales'
import { assertInDelta } from '../../helpers/assertInDelta'

const f = (a: number[]) => Float64Array.from(a)

// Lecture momentum (λ = 0.9, η = 0.1) on L = x² + y² from (1, 0), by hand: g⁰ = (2, 0), m¹ = −0.2, θ¹ = 0.8;
// g¹ = (1.6, 0), m² = 0.9·(−0.2) − 0.16 = −0.34, θ² = 0.46.
const byHand: ArrowTrack = {
  x: f([1, 0.8, 0.46]),
  y: f([0, 0, 0]),
  lr: f([0.1, 0.1]),
  grad: f([2, 0, 1.6, 0]),
  count: 3,
}

const track = (optimizer: OptimizerSpec, steps = 6): ArrowTrack => {
  const t = runTrajectory({ surface: 'booth', optimizer, start: [-3, 4], steps })
  return { x: t.x, y: t.y, lr: t.lr, grad: t.grad, count: t.x.length }
}

describe('momentumArrows', () => {
  it('at step 2 of the hand-worked momentum run: from θ¹ = 0.8, −ηg¹ = −0.16, λm¹ = −0.18, m² = −0.34', () => {
    const a = momentumArrows(byHand, 2, 'momentum', 'lecture')!
    assertInDelta(a.at, [0.8, 0], 1e-15)
    assertInDelta(a.negGrad, [-0.16, 0], 1e-15)
    assertInDelta(a.prevMove, [-0.18, 0], 1e-15)
    assertInDelta(a.newMove, [-0.34, 0], 1e-15)
  })

  it('for lecture momentum on Booth the dashed arrow is λ times the previous movement actually made', () => {
    const t = track({ kind: 'momentum', convention: 'lecture', lr: 0.02, momentum: 0.9 })
    for (let c = 2; c < t.count; c++) {
      const a = momentumArrows(t, c, 'momentum', 'lecture')!
      const prev = [t.x[c - 1] - t.x[c - 2], t.y[c - 1] - t.y[c - 2]]
      assertInDelta(a.prevMove, [0.9 * prev[0], 0.9 * prev[1]], 1e-12, `step ${c}`)
    }
  })

  it('for plain SGD the movement is the negative gradient step and nothing is carried over', () => {
    const t = track({ kind: 'sgd', lr: 0.02 })
    const a = momentumArrows(t, 3, 'sgd', 'lecture')!
    assertInDelta(a.newMove, a.negGrad, 1e-15)
    expect(a.prevMove).toEqual([0, 0])
  })

  it('adaptive optimizers (Adam) show −ηg and the actual step, with no carried-over arrow', () => {
    const t = track({ kind: 'adam', lr: 0.1 })
    const a = momentumArrows(t, 4, 'adam', 'lecture')!
    expect(a.prevMove).toEqual([0, 0])
    assertInDelta(a.newMove, [t.x[4] - t.x[3], t.y[4] - t.y[3]], 0)
  })

  it('hasCarriedMovement: momentum (not the course’s averaged form) and Nesterov only', () => {
    expect(hasCarriedMovement('momentum', 'lecture')).toBe(true)
    expect(hasCarriedMovement('momentum', 'pytorch')).toBe(true)
    expect(hasCarriedMovement('momentum', 'course')).toBe(false)
    expect(hasCarriedMovement('nesterov', 'pytorch')).toBe(true)
    expect(hasCarriedMovement('rmsprop', 'lecture')).toBe(false)
  })

  it('is null at the start point, uses the last point when the cursor is past the received points', () => {
    expect(momentumArrows(byHand, 0, 'momentum', 'lecture')).toBeNull()
    assertInDelta(momentumArrows(byHand, 50, 'momentum', 'lecture')!.at, [0.8, 0], 0)
  })

  it('is null when a value is not finite (a diverged run)', () => {
    const bad = { ...byHand, x: f([1, 0.8, NaN]) }
    expect(momentumArrows(bad, 2, 'momentum', 'lecture')).toBeNull()
  })
})

describe('arrowScale', () => {
  const scales = viewScales({ x: [-1, 1], y: [-1, 1] }, { widthPx: 200, heightPx: 200 }) // 100 px per unit
  it('draws true size when the longest arrow is 20–160 px long, else scales automatically', () => {
    const at = { at: [0, 0], prevMove: [0, 0], negGrad: [0, 0] } as const
    expect(arrowScale({ ...at, newMove: [0.5, 0] } as never, scales)).toBe(1) // 50 px
    expect(arrowScale({ ...at, newMove: [0.001, 0] } as never, scales)).toBe('auto') // 0.1 px
    expect(arrowScale({ ...at, newMove: [0, 3] } as never, scales)).toBe('auto') // 300 px
  })
})

describe('arrowNote', () => {
  // 10 px per parameter unit.
  const s10 = { kx: 10, ox: 0, ky: -10, oy: 100 }
  const arrows = (len: number) => ({
    at: [0, 0] as [number, number],
    negGrad: [len, 0] as [number, number],
    prevMove: [0, 0] as [number, number],
    newMove: [len, 0] as [number, number],
  })
  it('says to scale between 20 and 160 px, scaled (factor = 70 px ÷ true px) outside, stopped under half a pixel', () => {
    expect(arrowNote(arrows(5), s10)).toEqual({ kind: 'true' })
    expect(arrowNote(arrows(0.1), s10)).toEqual({ kind: 'scaled', factor: 70 })
    expect(arrowNote(arrows(100), s10)).toEqual({ kind: 'scaled', factor: 0.07 })
    // Scene 8 at step 400: a step of ~10⁻¹⁴ is no movement at any zoom a student uses.
    expect(arrowNote(arrows(1e-14), s10)).toEqual({ kind: 'stopped' })
    expect(arrowNote(arrows(0.049), s10)).toEqual({ kind: 'stopped' })
  })
})
