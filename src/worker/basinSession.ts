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

/** One map of the run: its solver at the finest side and that side's arrays, filled as levels go. */
interface MapWork {
  solver: BasinSolver
  minimum: Int32Array
  steps: Int32Array
  done: Uint8Array
}

/**
 * Computes basin maps level by level on `timers`: each map's solver is built once at the finest side (the
 * core validates its spec: a rejection is a `FieldError` at `specs[i].<field>`), and level i of a map runs
 * only the starts no coarser level ran (start (a, b) of side s is start (a·k, b·k) of the finest side N,
 * k = (N − 1)/(s − 1), with bit-identical coordinates, `basinCoordinate`). Level i of every map is posted
 * (`basin.level`, arrays transferred) before level i + 1 of any; work yields every `BASIN_SLICE_MS`, so
 * `dispose` (a new run, a cancel) stops it between slices.
 */
export function createBasinSession(message: BasinStart, post: PostMessage, timers: Timers): BasinSession {
  const { runId, sides } = message
  const side = sides[sides.length - 1]
  const maps: MapWork[] = message.specs.map((spec, m) => {
    let solver: BasinSolver
    try {
      solver = createBasinSolver({ ...spec, x: { ...spec.x, n: side }, y: { ...spec.y, n: side } })
    } catch (error) {
      throw FieldError.within(error, `specs[${m}]`, 'basin map')
    }
    const size = side * side
    return { solver, minimum: new Int32Array(size), steps: new Int32Array(size), done: new Uint8Array(size) }
  })
  const began = timers.now()
  let level = 0
  let map = 0
  let cell = 0
  let computed = 0
  let handle: unknown = null
  let disposed = false

  const strideOf = (s: number): number => (s === 1 ? 0 : (side - 1) / (s - 1))

  function finishMapLevel(): void {
    const s = sides[level]
    const k = strideOf(s)
    const work = maps[map]
    const levelMin = new Int32Array(s * s)
    const levelSteps = new Int32Array(s * s)
    for (let j = 0, c = 0; j < s; j++) {
      for (let i = 0; i < s; i++, c++) {
        const f = j * k * side + i * k
        levelMin[c] = work.minimum[f]
        levelSteps[c] = work.steps[f]
      }
    }
    post(
      {
        type: 'basin.level',
        runId,
        map,
        level,
        side: s,
        minimum: levelMin,
        steps: levelSteps,
        computed,
        elapsedMs: timers.now() - began,
        done: level === sides.length - 1,
      },
      [levelMin.buffer, levelSteps.buffer],
    )
    computed = 0
    cell = 0
    map++
    if (map === maps.length) {
      map = 0
      level++
    }
  }

  function work(): void {
    handle = null
    if (disposed) return
    const until = timers.now() + BASIN_SLICE_MS
    while (level < sides.length) {
      const s = sides[level]
      const k = strideOf(s)
      const { solver, minimum, steps, done } = maps[map]
      const { x, y } = solver.spec
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
      finishMapLevel()
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
