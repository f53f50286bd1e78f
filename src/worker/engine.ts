import { analyzePoint } from '../core/analyzePoint'
import { noiseCloud } from '../core/noiseCloud'
import { contourBuffers, surfaceContours } from '../core/contours'
import { sampleGrid } from '../core/grid'
import { stabilityBand } from '../core/stability/stabilityBand'
import { getSurface } from '../core/surfaces/index'
import { landscapeOf } from './landscapeReply'
import { pathBuffers, planeLandscapeOf } from './landscapePlane'
import { interpolationLines, lineBuffers } from './interpolationReply'
import { SpecError } from '../core/errors'
import { netSurfaceFor } from '../core/landscape/netSurface'
import { NET_SURFACE_ID } from '../core/landscape/netSurface.meta'
import type { NetSurfaceSpec } from '../core/landscape/netSurface.meta'
import { validateNetSurfaceSpec } from '../core/landscape/netSurfaceSpec'
import type { Surface } from '../core/types'
import { createBasinSession, type BasinSession } from './basinSession'
import { FieldError, toErrorMessage } from './errors'
import { parseMessage } from './parseMessage'
import type {
  AnalyzeRequest,
  GridRequest,
  PostMessage,
  SliceRequest,
  StabilityRequest,
  ToWorker,
  NoiseCloudRequest,
} from './protocol'
import { createRaceSession, type RaceSession } from './raceSession'
import { systemTimers, type Timers } from './timers'
import { createTrainSession, replyComparison, replyLoad, type TrainSession } from './trainSession'

/** The worker's message handler, independent of `self`: the entry binds it, tests drive it directly. */
export interface Engine {
  /** Handles one incoming message (`MessageEvent.data`); never throws, answers problems with `error`. */
  handle(data: unknown): void
  /** Stops any race or training timer. */
  dispose(): void
}

/**
 * Creates the engine that serves the protocol of `./protocol`: it checks each message's structure, runs the
 * current race (one at a time; a newer `race.start` replaces it and messages for other runIds are ignored),
 * the current training session (likewise, independent of the race), and answers grid, analysis, data set,
 * comparison and Hessian requests. Replies go through `post`, with typed-array buffers listed for transfer;
 * race playback and training run on `timers`.
 */
export function createEngine(post: PostMessage, timers: Timers = systemTimers): Engine {
  let race: RaceSession | null = null
  let train: TrainSession | null = null
  let basin: BasinSession | null = null

  function dispatch(message: ToWorker): void {
    switch (message.type) {
      case 'race.start':
        // Replace first: even a start the core rejects ends the old race the client has moved on from.
        race?.dispose()
        race = null
        race = createRaceSession(message, post, timers)
        return
      case 'race.cancel':
        if (race?.runId === message.runId) {
          race.dispose()
          race = null
        }
        return
      case 'race.play':
      case 'race.pause':
      case 'race.step':
      case 'race.seek':
      case 'race.speed':
      case 'race.toEnd':
      case 'race.reset':
        if (race?.runId === message.runId) race.control(message)
        return
      case 'grid':
        return replyGrid(message)
      case 'analyze':
        return replyAnalysis(message)
      case 'noiseCloud':
        return replyNoiseCloud(message)
      case 'train.start':
        // Replace first, as for races: a rejected start still ends the session the client has left.
        train?.dispose()
        train = null
        train = createTrainSession(message, post, timers)
        return
      case 'train.cancel':
        if (train?.runId === message.runId) {
          train.dispose()
          train = null
        }
        return
      case 'train.play':
      case 'train.pause':
      case 'train.step':
      case 'train.reset':
      case 'train.speed':
      case 'train.seek':
        if (train?.runId === message.runId) train.control(message)
        return
      case 'train.load':
        return replyLoad(message, post)
      case 'train.compare':
        return replyComparison(message, post, timers)
      case 'basin.start':
        basin?.dispose()
        basin = null
        basin = createBasinSession(message, post, timers)
        return
      case 'basin.cancel':
        if (basin?.runId === message.runId) {
          basin.dispose()
          basin = null
        }
        return
      case 'slice':
        return replySlice(message)
      case 'stability':
        return replyStability(message)
      case 'ping':
        // The client's heartbeat: any answer proves the worker is alive and not stuck.
        return post({ type: 'pong', seq: message.seq })
      case 'train.hessian':
        if (train?.runId !== message.runId)
          throw new FieldError(
            `no training run ${message.runId} in the worker (it was replaced or cancelled)`,
            'runId',
          )
        return train.replyHessian(message)
      case 'train.landscape': {
        if (train?.runId !== message.runId)
          throw new FieldError(
            `no training run ${message.runId} in the worker (it was replaced or cancelled)`,
            'runId',
          )
        const directions = message.directions ?? 'random'
        const of = directions === 'pca' ? planeLandscapeOf : landscapeOf
        const runs = train.sources().map((s) => of(s, message))
        const { requestId, runId, seed, span, n } = message
        return post({ type: 'train.landscapeResult', requestId, runId, directions, seed, span, n, runs }, [
          ...runs.map((r) => r.values.buffer as ArrayBuffer),
          ...runs.flatMap((r) => contourBuffers(r.contours)),
          ...runs.flatMap(pathBuffers),
        ])
      }
      case 'train.interpolation': {
        if (train?.runId !== message.runId)
          throw new FieldError(
            `no training run ${message.runId} in the worker (it was replaced or cancelled)`,
            'runId',
          )
        const lines = interpolationLines(train.sources(), message.t)
        const { requestId, runId } = message
        return post({ type: 'train.interpolationResult', requestId, runId, lines }, lineBuffers(lines))
      }
      default:
        return assertNever(message)
    }
  }

  function replyGrid({ requestId, surface, extent, nx, ny, contours, net }: GridRequest): void {
    const s = surfaceNamed(surface, net)
    const grid = sampleGrid(s, extent, nx, ny)
    // Traced here, not on the page: d3-contour needs 20–90 ms at 256², more than a frame's budget.
    const traced = contours === undefined ? undefined : surfaceContours(grid, contours.count, s.logContours)
    // Transfer a private copy unless the array owns its whole buffer (never detach memory the core keeps).
    const values =
      grid.values.byteLength === grid.values.buffer.byteLength ? grid.values : grid.values.slice()
    post(
      {
        type: 'grid',
        requestId,
        values,
        nx: grid.nx,
        ny: grid.ny,
        extent: grid.extent,
        min: grid.min,
        max: grid.max,
        ...(traced !== undefined && { contours: traced }),
      },
      [values.buffer as ArrayBuffer, ...(traced === undefined ? [] : contourBuffers(traced))],
    )
  }

  function replyAnalysis({ requestId, surface, x, y, net }: AnalyzeRequest): void {
    post({ type: 'analysis', requestId, result: analyzePoint(surfaceNamed(surface, net), x, y) })
  }

  function replySlice({ requestId, surface, from, to, n }: SliceRequest): void {
    const s = surfaceNamed(surface)
    const values = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const t = i / (n - 1)
      values[i] = s.f(from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1]))
    }
    post({ type: 'slice', requestId, values }, [values.buffer])
  }

  function replyStability({ requestId, spec }: StabilityRequest): void {
    let band
    try {
      band = stabilityBand(spec)
    } catch (error) {
      throw FieldError.within(error, 'spec', 'stability')
    }
    // The band's arrays own their buffers (allocated for this reply), so they move without a copy.
    const { step, limit, lambdaMax, factor, count } = band
    post({ type: 'stability', requestId, step, limit, lambdaMax, factor, count }, [
      step.buffer as ArrayBuffer,
      limit.buffer as ArrayBuffer,
      lambdaMax.buffer as ArrayBuffer,
    ])
  }

  function replyNoiseCloud({ requestId, surface, x, y, size, seed }: NoiseCloudRequest): void {
    const s = surfaceNamed(surface)
    const points = noiseCloud(s, x, y, size, seed)
    const g = s.grad(x, y)
    post({ type: 'noiseCloud', requestId, points, full: [g[0], g[1]] }, [points.buffer as ArrayBuffer])
  }

  return {
    handle(data) {
      const parsed = parseMessage(data)
      if (!parsed.ok) {
        const { message, field, runId, requestId } = parsed.problem
        post({
          type: 'error',
          ...(runId !== undefined && { runId }),
          ...(requestId !== undefined && { requestId }),
          message,
          ...(field !== undefined && { field }),
          code: 'bad-message',
        })
        return
      }
      const message = parsed.message
      try {
        dispatch(message)
      } catch (error) {
        post(toErrorMessage(error, idsOf(message)))
      }
    },
    dispose() {
      basin?.dispose()
      basin = null
      race?.dispose()
      race = null
      train?.dispose()
      train = null
    },
  }
}

/**
 * The registry surface with this id, or a `FieldError` at `surface` listing the ids there are; with `net`
 * (surface 'net-slice' only), that network's slice, built once (`netSurfaceFor`), or a `FieldError` at
 * `net.<field>`.
 */
function surfaceNamed(id: string, net?: NetSurfaceSpec): Surface {
  let surface: Surface
  try {
    surface = getSurface(id)
  } catch (error) {
    throw new FieldError(error instanceof Error ? error.message : String(error), 'surface')
  }
  if (net === undefined) return surface
  if (id !== NET_SURFACE_ID) throw new FieldError(`net is only for the surface '${NET_SURFACE_ID}'`, 'net')
  try {
    return netSurfaceFor(validateNetSurfaceSpec(net))
  } catch (error) {
    const field = error instanceof SpecError ? error.field : 'net'
    throw new FieldError(error instanceof Error ? error.message : String(error), field)
  }
}

// A request about a run (train.hessian) carries both ids; the requestId routes its error to the caller.
const idsOf = (message: ToWorker): { runId?: number; requestId?: number } => ({
  ...('runId' in message && { runId: message.runId }),
  ...('requestId' in message && { requestId: message.requestId }),
})

function assertNever(value: never): never {
  throw new Error(`unhandled message ${JSON.stringify(value)}`)
}
