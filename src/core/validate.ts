import { MAX_STEPS } from './limits'
import { SpecError, expectInteger, expectNumber, expectOneOf, expectRecord } from './errors'
import { validateOptimizerSpec } from './optimizers/index'
import { validateScheduleSpec } from './schedules/index'
import { getSurfaceMeta, surfaceIds } from './surfaces/index'
import { NET_SURFACE_ID } from './landscape/netSurface.meta'
import { validateNetSurfaceSpec } from './landscape/netSurfaceSpec'
import type { BatchSpec, NoiseSpec, TrajectorySpec, Vec2 } from './types'

export { validateOptimizerSpec } from './optimizers/index'
export { validateScheduleSpec } from './schedules/index'

/** Largest `steps` of one trajectory (declared with the shared limits). */
export { MAX_STEPS }

/**
 * The edge check of a 2D run, called first by `runTrajectory` and `createRun` (and by the worker on every
 * message): returns a clean copy of the spec (known keys only; defaults are not filled) or throws a
 * `SpecError` whose `field` is the dotted path and whose message names the allowed values:
 * - `surface`: a registered surface id;
 * - `optimizer`: see `validateOptimizerSpec` (kind, convention, lr > 0 finite, hyper-parameter domains,
 *   no hyper-parameter the convention ignores);
 * - `schedule` (optional): see `validateScheduleSpec`; `plateau` is rejected (a race has no loss to monitor);
 * - `start`: two finite numbers;
 * - `steps`: an integer in 1..1,000,000;
 * - `noise` (optional): std a finite number ≥ 0, seed an integer in 0..2³²−1, annealSteps an integer ≥ 1;
 * - `batch` (optional): only on a data surface (its meta states `examples` = N): size an integer in 1..N,
 *   seed an integer in 0..2³²−1 (`BatchSpec`);
 * - `net` (optional, surface 'net-slice' only): see `validateNetSurfaceSpec`.
 * Unknown extra keys are ignored.
 */
export function validateTrajectorySpec(spec: unknown): TrajectorySpec {
  const raw = expectRecord(spec, 'spec')
  const surface = expectOneOf(raw.surface, 'surface', surfaceIds)
  const optimizer = validateOptimizerSpec(raw.optimizer, 'optimizer')
  const start = validateStart(raw.start)
  const steps = expectInteger(raw.steps, 'steps', 1, MAX_STEPS)
  const out: TrajectorySpec = { surface, optimizer, start, steps }
  if (raw.schedule !== undefined) out.schedule = validateScheduleSpec(raw.schedule, 'schedule', false)
  if (raw.noise !== undefined) out.noise = validateNoiseSpec(raw.noise, 'noise')
  if (raw.batch !== undefined) out.batch = validateBatchSpec(raw.batch, surface)
  if (raw.net !== undefined) {
    if (surface !== NET_SURFACE_ID)
      throw new SpecError('net', `absent unless surface is '${NET_SURFACE_ID}'`, raw.net)
    out.net = validateNetSurfaceSpec(raw.net, 'net')
  }
  return out
}

/** Checks a `BatchSpec` for a race on `surface` (see `validateTrajectorySpec`) and returns a clean copy. */
export function validateBatchSpec(value: unknown, surface: string, field = 'batch'): BatchSpec {
  const n = getSurfaceMeta(surface).examples
  if (n === undefined)
    throw new SpecError(field, 'absent: the surface has no examples to cut into batches', value)
  const raw = expectRecord(value, field)
  const size = expectInteger(raw.size, `${field}.size`, 1, n)
  const seed = expectInteger(raw.seed, `${field}.seed`, 0, 0xffffffff)
  return { size, seed }
}

function validateStart(value: unknown): Vec2 {
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  if (!ok) throw new SpecError('start', 'two finite numbers [x, y]', value)
  return [value[0], value[1]]
}

/** Checks a `NoiseSpec` (see `validateTrajectorySpec`) and returns a clean copy. */
export function validateNoiseSpec(value: unknown, field = 'noise'): NoiseSpec {
  const raw = expectRecord(value, field)
  const std = expectNumber(raw.std, `${field}.std`, 'a finite number ≥ 0', (v) => v >= 0 && v < Infinity)
  const seed = expectInteger(raw.seed, `${field}.seed`, 0, 0xffffffff)
  if (raw.annealSteps === undefined) return { std, seed }
  return { std, seed, annealSteps: expectInteger(raw.annealSteps, `${field}.annealSteps`, 1, Infinity) }
}
