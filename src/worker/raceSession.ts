import { optimizerMeta } from '../core/optimizers/meta'
import { createRun, type Run } from '../core/run'
import { testLossAlong, testSurfaceOf } from '../core/testLoss'
import type { Surface } from '../core/types'
import { TRAJECTORY_PARAMS as P, updatesOfPoints } from '../core/trajectoryLayout'
import type { RunStatus } from '../core/types'
import { FieldError } from './errors'
import type { PostMessage, RaceControl, RaceStart, RacerFrame } from './protocol'
import type { Timers } from './timers'

/** Timer period of playback, ms (about one display frame; the main thread repaints at most this often). */
export const TICK_MS = 16
/**
 * Longest wall-clock gap a tick catches up on, ms. A throttled background worker resumes where it paused
 * instead of jumping ahead by everything it missed.
 */
export const MAX_CATCH_UP_MS = 250

/** A race in progress: the worker side of one `runId`. */
export interface RaceSession {
  readonly runId: number
  /** Applies a playback message of this run (`race.cancel` is the engine's: it disposes the session). */
  control(message: RaceControl): void
  /** Stops the timer and drops the runs. */
  dispose(): void
}

interface Lane {
  id: string
  run: Run
  /** The run surface's testing surface (canyon vs basin), whose loss each frame carries; null when none. */
  test: Surface | null
  /** Points already posted (append-only stream). */
  sent: number
  sentStatus: RunStatus
}

/**
 * Builds every racer's resumable run (`createRun` validates the spec) and posts the start points
 * (`race.frames` at cursor 0). Throws a `FieldError` at `racers[i].spec.<field>` for a spec the core rejects.
 *
 * The playhead (`cursor`, a step index) moves at `speed` steps per second on a TICK_MS timer. Each racer is
 * computed only up to the playhead (`createRun(...).advance`), and each tick posts one message with every
 * racer's new points. A racer that diverges stops; the race ends when the playhead passes the last point of
 * every racer, which posts `race.finished` and stops playback.
 */
export function createRaceSession(start: RaceStart, post: PostMessage, timers: Timers): RaceSession {
  const { runId } = start
  const lanes: Lane[] = start.racers.map(({ id, spec }, i) => {
    try {
      const run = createRun(spec)
      return { id, run, test: testSurfaceOf(run.surface), sent: 0, sentStatus: 'ok' }
    } catch (error) {
      throw FieldError.within(error, `racers[${i}].spec`, `racer '${id}'`)
    }
  })

  let speed = start.speed
  let playing = start.autoplay
  let cursor = 0
  let finishedPosted = false
  let timer: unknown = null
  // Playback is anchored in time, so the rate stays exact whatever the timer's jitter: at time t the playhead
  // is anchorCursor + floor((t − anchorTime)·speed/1000).
  let anchorTime = 0
  let anchorCursor = 0
  let lastTick = 0

  // A racer's last step is its last finite point once it is done, else the last update it was asked for.
  const lastStep = ({ run }: Lane): number => (run.done ? run.count - 1 : run.total)
  const endStep = (): number => lanes.reduce((end, lane) => Math.max(end, lastStep(lane)), 0)

  /** Moves the playhead to `target` (clamped to the race), computing every racer that far. */
  function moveTo(target: number): void {
    target = Math.max(0, Math.min(target, endStep()))
    for (const lane of lanes) {
      const have = lane.run.count - 1
      if (!lane.run.done && have < target) lane.run.advance(Math.min(target, lane.run.total) - have)
    }
    // Racers that diverged on the way may have pulled the end in front of the target.
    cursor = Math.min(target, endStep())
    if (cursor < endStep()) finishedPosted = false
    else stop()
  }

  function anchor(): void {
    anchorTime = lastTick = timers.now()
    anchorCursor = cursor
  }

  function schedule(): void {
    if (timer === null) timer = timers.setTimeout(tick, TICK_MS)
  }

  function stop(): void {
    playing = false
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
  }

  function tick(): void {
    timer = null
    const now = timers.now()
    if (now - lastTick > MAX_CATCH_UP_MS) anchorTime += now - lastTick - TICK_MS
    lastTick = now
    try {
      const target = anchorCursor + Math.floor(((now - anchorTime) * speed) / 1000)
      if (target > cursor) {
        moveTo(target)
        flush()
      }
    } catch (error) {
      stop()
      post({ type: 'error', runId, code: 'failed', message: `race stopped: ${String(error)}` })
      return
    }
    if (playing) schedule()
  }

  /** Posts one message: the new points of every racer that has news, else the playhead alone. */
  function flush(): void {
    const racers: RacerFrame[] = []
    const transfer: ArrayBuffer[] = []
    for (const lane of lanes) {
      const upTo = Math.min(lane.run.count, cursor + 1)
      if (upTo > lane.sent || lane.run.status !== lane.sentStatus) {
        racers.push(frameOf(lane, upTo, transfer))
        lane.sent = Math.max(lane.sent, upTo)
        lane.sentStatus = lane.run.status
      }
    }
    if (racers.length > 0) post({ type: 'race.frames', runId, cursor, playing, racers }, transfer)
    else post({ type: 'race.cursor', runId, cursor, playing })
    if (cursor === endStep() && !finishedPosted) {
      finishedPosted = true
      post({ type: 'race.finished', runId, cursor })
    }
  }

  flush()
  if (playing) {
    anchor()
    schedule()
  }

  return {
    runId,
    control(message) {
      switch (message.type) {
        case 'race.play':
          if (cursor === endStep()) moveTo(0)
          playing = true
          anchor()
          schedule()
          break
        case 'race.pause':
          stop()
          break
        case 'race.step':
          stop()
          moveTo(cursor + (message.n ?? 1))
          break
        case 'race.seek':
          moveTo(message.step)
          if (playing) anchor()
          break
        case 'race.speed':
          speed = message.stepsPerSecond
          if (playing) anchor()
          return // the playhead did not move: nothing to report
        case 'race.toEnd':
          stop()
          moveTo(Infinity)
          break
        case 'race.reset':
          stop()
          moveTo(0)
          break
        case 'race.cancel':
          stop()
          return
        default:
          return assertNever(message)
      }
      flush()
    },
    dispose: stop,
  }
}

/**
 * Copies lane points `lane.sent .. upTo − 1` and the updates that made them into fresh transferable arrays,
 * in the layout of core/trajectoryLayout.ts.
 */
function frameOf(lane: Lane, upTo: number, transfer: ArrayBuffer[]): RacerFrame {
  const { run } = lane
  const from = lane.sent
  const count = Math.max(0, upTo - from)
  const { first: u0, end: u1 } = updatesOfPoints(from, count)
  const transferred = (copy: Float64Array): Float64Array => {
    transfer.push(copy.buffer as ArrayBuffer)
    return copy
  }
  const take = (source: Float64Array, a: number, b: number): Float64Array => transferred(source.slice(a, b))
  const state: Record<string, Float64Array> = {}
  for (const key of Object.keys(run.state)) state[key] = take(run.state[key], P * u0, P * u1)
  return {
    id: lane.id,
    from,
    count,
    x: take(run.x, from, from + count),
    y: take(run.y, from, from + count),
    loss: take(run.loss, from, from + count),
    gradNorm: take(run.gradNorm, from, from + count),
    lr: take(run.lr, u0, u1),
    grad: take(run.grad, P * u0, P * u1),
    state,
    ...(lane.test !== null && { testLoss: transferred(testLossAlong(lane.test, run.x, run.y, from, count)) }),
    status: run.status,
    ...(run.divergedAt !== undefined && { divergedAt: run.divergedAt }),
    ...(run.divergence !== undefined && { divergence: run.divergence }),
    ...(optimizerMeta[run.spec.optimizer.kind].capabilities.needsHessian === true && {
      singularSteps: run.singularSteps,
    }),
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled race message ${JSON.stringify(value)}`)
}
