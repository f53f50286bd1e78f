import { basinCoordinate } from '../core/basins/basinAxis'
import { createBasinSolver } from '../core/basins/basinSolver'
import type { BasinSolver } from '../core/basins/basinSolver'
import { FieldError } from './errors'
import type { BasinStart, PostMessage } from './protocol'
import type { Timers } from './timers'

/** Work per slice before yielding to the message loop (a cancel, a ping, a race tick get through). */
export const BASIN_SLICE_MS = 12

export interface BasinSession {
  readonly runId: number
  dispose(): void
}

/**
 * Computes a basin map level by level on `timers`: the finest level's solver is built once (the core
 * validates the spec: a rejection is a `FieldError` at `spec.<field>`), and level i runs only the starts no
 * coarser level ran (start (a, b) of side s is start (a·k, b·k) of the finest side, k = (N − 1)/(s − 1), with
 * bit-identical coordinates, `basinCoordinate`). Each level is posted as `basin.level` with its arrays
 * transferred; work yields every `BASIN_SLICE_MS`, so `dispose` (a new map, a cancel) stops it between slices.
 */
export function createBasinSession(message: BasinStart, post: PostMessage, timers: Timers): BasinSession {
  const { runId, sides } = message
  const side = sides[sides.length - 1]
  let solver: BasinSolver
  try {
    solver = createBasinSolver({
      ...message.spec,
      x: { ...message.spec.x, n: side },
      y: { ...message.spec.y, n: side },
    })
  } catch (error) {
    throw FieldError.within(error, 'spec', 'basin map')
  }
  const { x, y } = solver.spec
  const minimum = new Int32Array(side * side)
  const steps = new Int32Array(side * side)
  const done = new Uint8Array(side * side)
  const began = timers.now()
  let level = 0
  let cell = 0
  let computed = 0
  let handle: unknown = null
  let disposed = false

  const strideOf = (s: number): number => (s === 1 ? 0 : (side - 1) / (s - 1))

  function finishLevel(): void {
    const s = sides[level]
    const k = strideOf(s)
    const levelMin = new Int32Array(s * s)
    const levelSteps = new Int32Array(s * s)
    for (let j = 0, c = 0; j < s; j++) {
      for (let i = 0; i < s; i++, c++) {
        const f = j * k * side + i * k
        levelMin[c] = minimum[f]
        levelSteps[c] = steps[f]
      }
    }
    const last = level === sides.length - 1
    post(
      {
        type: 'basin.level',
        runId,
        level,
        side: s,
        minimum: levelMin,
        steps: levelSteps,
        computed,
        elapsedMs: timers.now() - began,
        done: last,
      },
      [levelMin.buffer, levelSteps.buffer],
    )
    level++
    cell = 0
    computed = 0
  }

  function work(): void {
    handle = null
    if (disposed) return
    const until = timers.now() + BASIN_SLICE_MS
    while (level < sides.length) {
      const s = sides[level]
      const k = strideOf(s)
      const count = s * s
      while (cell < count) {
        const j = Math.floor(cell / s)
        const i = cell - j * s
        cell++
        const f = j * k * side + i * k
        if (done[f] === 0) {
          solver.solve(basinCoordinate(x, i * k), basinCoordinate(y, j * k), minimum, steps, f)
          done[f] = 1
          computed++
          if ((computed & 7) === 0 && timers.now() >= until) {
            handle = timers.setTimeout(work, 0)
            return
          }
        }
      }
      finishLevel()
      if (level < sides.length && timers.now() >= until) {
        handle = timers.setTimeout(work, 0)
        return
      }
    }
  }

  handle = timers.setTimeout(work, 0)
  return {
    runId,
    dispose() {
      disposed = true
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
    },
  }
}
