import { describe, expect, it } from 'vitest'
import { basinCoordinate } from '../../../src/core/basins/basinAxis'
import { basinMap } from '../../../src/core/basins/basinMap'
import { BASIN_DIVERGED, BASIN_NONE } from '../../../src/core/basins/types'
import type { BasinMapSpec } from '../../../src/core/basins/types'
import { SpecError } from '../../../src/core/errors'
import { createRng } from '../../../src/core/math/rng'
import { runTrajectory } from '../../../src/core/run'
import { getSurface } from '../../../src/core/surfaces/index'

/**
 * The outcome of one start read off `runTrajectory`'s trajectory, independently of the basin solver: the
 * status, the last point, the nearest listed minimum within tolerance and the first point within it.
 */
function reference(spec: BasinMapSpec, x: number, y: number): [number, number] {
  const tr = runTrajectory({
    surface: spec.surface,
    optimizer: spec.optimizer,
    ...(spec.schedule ? { schedule: spec.schedule } : {}),
    start: [x, y],
    steps: spec.steps,
  })
  if (tr.status === 'diverged') return [BASIN_DIVERGED, tr.divergedAt!]
  const minima = getSurface(spec.surface).minima
  const last = tr.x.length - 1
  let best = -1
  let bestD = Infinity
  minima.forEach(([mx, my], i) => {
    const d = Math.hypot(tr.x[last] - mx, tr.y[last] - my)
    if (d <= spec.tolerance && d < bestD) [best, bestD] = [i, d]
  })
  if (best < 0) return [BASIN_NONE, -1]
  const [mx, my] = minima[best]
  for (let k = 0; k <= last; k++)
    if (Math.hypot(tr.x[k] - mx, tr.y[k] - my) <= spec.tolerance) return [best, k]
  throw new Error('unreachable')
}

function expectCell(spec: BasinMapSpec, map: ReturnType<typeof basinMap>, i: number, j: number) {
  const k = j * spec.x.n + i
  const want = reference(spec, basinCoordinate(spec.x, i), basinCoordinate(spec.y, j))
  expect([map.minimum[k], map.steps[k]], `cell (${i}, ${j})`).toEqual(want)
}

const cases: [string, BasinMapSpec][] = [
  [
    'sgd (lecture) on Himmelblau',
    {
      surface: 'himmelblau',
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.01 },
      steps: 300,
      x: { min: -5, max: 5, n: 9 },
      y: { min: -5, max: 5, n: 9 },
      tolerance: 0.05,
    },
  ],
  [
    'momentum (pytorch) with a step schedule, some starts diverging',
    {
      surface: 'himmelblau',
      optimizer: { kind: 'momentum', convention: 'pytorch', lr: 0.004, momentum: 0.9 },
      schedule: { kind: 'step', stepSize: 50, gamma: 0.5 },
      steps: 400,
      x: { min: -6, max: 6, n: 8 },
      y: { min: -6, max: 6, n: 7 },
      tolerance: 0.05,
    },
  ],
  [
    'adam (tensorflow) with cosine decay on the canyon and basin',
    {
      surface: 'canyon-basin',
      optimizer: { kind: 'adam', convention: 'tensorflow', lr: 0.05 },
      schedule: { kind: 'cosine', totalSteps: 300, final: 0.001 },
      steps: 300,
      x: { min: -3, max: 3, n: 6 },
      y: { min: -3, max: 3, n: 6 },
      tolerance: 0.1,
    },
  ],
  [
    'adagrad (lecture) and sgd at a diverging η on Rosenbrock',
    {
      surface: 'rosenbrock',
      optimizer: { kind: 'adagrad', convention: 'lecture', lr: 0.5 },
      steps: 200,
      x: { min: -2, max: 2, n: 5 },
      y: { min: -1, max: 3, n: 5 },
      tolerance: 0.2,
    },
  ],
  [
    'sgd (tensorflow) at an η that throws the far starts out (divergence)',
    {
      surface: 'himmelblau',
      optimizer: { kind: 'sgd', convention: 'tensorflow', lr: 0.03 },
      steps: 200,
      x: { min: -6, max: 6, n: 7 },
      y: { min: -6, max: 6, n: 7 },
      tolerance: 0.05,
    },
  ],
  [
    'newton on Himmelblau (Hessian kernel)',
    {
      surface: 'himmelblau',
      optimizer: { kind: 'newton', lr: 1 },
      steps: 50,
      x: { min: -5, max: 5, n: 6 },
      y: { min: -5, max: 5, n: 6 },
      tolerance: 1e-3,
    },
  ],
  [
    'rmsprop (course) on the saddle that lists no minimum',
    {
      surface: 'saddle-classic',
      optimizer: { kind: 'rmsprop', convention: 'course', lr: 0.05 },
      steps: 100,
      x: { min: -1, max: 1, n: 4 },
      y: { min: -1, max: 1, n: 4 },
      tolerance: 0.1,
    },
  ],
]

describe('basinMap', () => {
  for (const [name, spec] of cases) {
    it(`every cell of a small map equals runTrajectory from that start: ${name}`, () => {
      const map = basinMap(spec)
      expect(map.minimum.length).toBe(spec.x.n * spec.y.n)
      for (let j = 0; j < spec.y.n; j++) for (let i = 0; i < spec.x.n; i++) expectCell(spec, map, i, j)
    })
  }

  it('the fixtures reach minima, miss them and diverge, so every outcome is exercised', () => {
    const all = cases.flatMap(([, spec]) => [...basinMap(spec).minimum])
    expect(all.some((v) => v >= 0)).toBe(true)
    expect(all).toContain(BASIN_NONE)
    expect(all).toContain(BASIN_DIVERGED)
  })

  it('random cells of a 64×64 map equal runTrajectory from those starts (sgd and momentum)', () => {
    const rng = createRng(7)
    for (const optimizer of [
      { kind: 'sgd' as const, convention: 'pytorch' as const, lr: 0.012 },
      { kind: 'momentum' as const, convention: 'lecture' as const, lr: 0.004, momentum: 0.9 },
    ]) {
      const spec: BasinMapSpec = {
        surface: 'himmelblau',
        optimizer,
        steps: 250,
        x: { min: -6, max: 6, n: 64 },
        y: { min: -6, max: 6, n: 64 },
        tolerance: 0.05,
      }
      const map = basinMap(spec)
      for (let c = 0; c < 40; c++) {
        expectCell(spec, map, Math.floor(rng.next() * 64), Math.floor(rng.next() * 64))
      }
    }
  })

  it('lists the minima and axes it used; a start on a minimum reports step 0', () => {
    const map = basinMap({
      surface: 'booth',
      optimizer: { kind: 'sgd', lr: 0.05 },
      steps: 10,
      x: { min: 1, max: 1, n: 1 },
      y: { min: 3, max: 3, n: 1 },
      tolerance: 1e-6,
    })
    expect(map.minima).toEqual([[1, 3]])
    expect([map.minimum[0], map.steps[0]]).toEqual([0, 0])
  })

  it('rejects a bad spec with a SpecError naming the field', () => {
    const good: BasinMapSpec = cases[0][1]
    expect(() => basinMap({ ...good, tolerance: 0 })).toThrow(SpecError)
    expect(() => basinMap({ ...good, x: { min: 0, max: 1, n: 0 } })).toThrow(/x\.n/)
    expect(() => basinMap({ ...good, steps: 0 })).toThrow(/steps/)
    expect(() => basinMap({ ...good, optimizer: { kind: 'sgd', lr: -1 } })).toThrow(/optimizer\.lr/)
  })
})
