import { MAX_RACE_STEPS } from '../core/limits'
import { effectiveBatch, updatesPerEpoch } from '../core/miniBatch.meta'
import { findSurfaceMeta } from '../core/surfaces/meta'
import type { TrajectorySpec } from '../core/types'
import { NET_SURFACE_ID } from '../core/landscape/netSurface.meta'
import { toNetSurfaceSpec } from './netSurfaceSettings'
import type { Racer } from '../worker/protocol'
import type { Settings } from './settings'

/**
 * The trajectory specs of a race, one per racer in legend order (hidden racers included: they still run).
 * Each racer follows its own schedule or else the shared one; noise is attached only when its std is > 0.
 * Everything is copied, so later edits to the settings cannot reach a spec already sent.
 * On a data surface (its meta states `examples` = N) a racer with a batch size below N gets a
 * `batch` drawn from the race's seed (`noise.seed`, so racers with one batch size see the same batches); with
 * `count: 'epochs'` each racer makes steps·⌈N/B⌉ updates (at most MAX_RACE_STEPS).
 */
export function buildRaceEntries(settings: Settings): Racer[] {
  const noise =
    settings.noise.std > 0
      ? {
          std: settings.noise.std,
          seed: settings.noise.seed,
          ...(settings.noise.annealSteps !== undefined && { annealSteps: settings.noise.annealSteps }),
        }
      : undefined
  const examples = findSurfaceMeta(settings.surfaceId)?.examples
  return settings.racers.map((racer) => {
    const schedule = racer.schedule ?? settings.schedule
    const batch = effectiveBatch(examples, racer.batch)
    const perEpoch = settings.count === 'epochs' ? updatesPerEpoch(examples, batch) : 1
    const spec: TrajectorySpec = {
      surface: settings.surfaceId,
      optimizer: { ...racer.optimizer },
      schedule: structuredClone(schedule),
      start: [settings.start[0], settings.start[1]],
      steps: Math.min(MAX_RACE_STEPS, settings.steps * perEpoch),
    }
    if (noise) spec.noise = { ...noise }
    if (batch !== undefined) spec.batch = { size: batch, seed: settings.noise.seed }
    if (settings.net && settings.surfaceId === NET_SURFACE_ID) spec.net = toNetSurfaceSpec(settings.net)
    return { id: racer.id, spec }
  })
}

/**
 * A string that changes exactly when the math of the race changes (surface, start, racers' optimizers and
 * schedules, shared schedule, noise, steps), and not for view, speed, colours, visibility or language.
 */
export function raceKeyOf(entries: readonly Racer[]): string {
  return JSON.stringify(entries)
}
