import { describe, expect, it } from 'vitest'
import { runTrajectory } from '../../src/core/run'
import { TRAJECTORY_PARAMS, updatesOf, updatesOfPoints } from '../../src/core/trajectoryLayout'

describe('trajectoryLayout', () => {
  it('n points were made by n − 1 updates (none before the start exists)', () => {
    expect([0, 1, 2, 101].map(updatesOf)).toEqual([0, 0, 1, 100])
  })

  it('chunks of points, appended in order, carry every update exactly once (any chunking)', () => {
    const total = 40
    for (const cuts of [[], [1], [5, 6, 20], [1, 2, 3, 39], [10, 10, 30]]) {
      const bounds = [0, ...cuts, total]
      const seen: number[] = []
      for (let c = 0; c + 1 < bounds.length; c++) {
        const { first, end } = updatesOfPoints(bounds[c], bounds[c + 1] - bounds[c])
        expect(first).toBe(seen.length)
        for (let t = first; t < end; t++) seen.push(t)
      }
      expect(seen).toEqual(Array.from({ length: updatesOf(total) }, (_, t) => t))
    }
  })

  it('slicing a trajectory chunk by chunk and appending rebuilds its arrays', () => {
    const whole = runTrajectory({
      surface: 'booth',
      optimizer: { kind: 'adam', lr: 0.1 },
      start: [-4, 4],
      steps: 30,
    })
    const points = whole.x.length
    const x: number[] = []
    const lr: number[] = []
    const grad: number[] = []
    const m: number[] = []
    for (const [from, to] of [
      [0, 1],
      [1, 9],
      [9, 10],
      [10, points],
    ]) {
      const { first, end } = updatesOfPoints(from, to - from)
      x.push(...whole.x.subarray(from, to))
      lr.push(...whole.lr.subarray(first, end))
      grad.push(...whole.grad.subarray(TRAJECTORY_PARAMS * first, TRAJECTORY_PARAMS * end))
      m.push(...whole.state.m.subarray(TRAJECTORY_PARAMS * first, TRAJECTORY_PARAMS * end))
    }
    expect(x).toEqual(Array.from(whole.x))
    expect(lr).toEqual(Array.from(whole.lr))
    expect(grad).toEqual(Array.from(whole.grad))
    expect(m).toEqual(Array.from(whole.state.m))
    expect(whole.lr.length).toBe(updatesOf(points))
  })
})
