import { SpecError } from '../errors'
import { MAX_RACE_STEPS } from '../limits'
import { effectiveBatch, updatesPerEpoch } from '../miniBatch.meta'
import { findSurfaceMeta, getSurfaceMeta, listedEscape } from '../surfaces/meta'
import type { NoiseSpec, ScheduleSpec, TrajectorySpec, Vec2 } from '../types'
import { checkSceneAction } from './sceneActionCheck'
import type { Scene, SceneAction, SceneRacer } from './types'

/**
 * The live, editable state of a scene: what the cards' actions change and what the race runs. Plain data;
 * `applySceneAction` returns a new set-up and never mutates its input.
 */
export interface SceneSetup {
  /** Surface id (undefined for a classifier-only scene). */
  surface?: string
  start?: Vec2
  racers: SceneRacer[]
  schedule?: ScheduleSpec
  /** Shared gradient noise, undefined when off. */
  noise?: NoiseSpec
  steps: number
  /** Indices of the racers drawn. */
  visible: number[]
  /** 'epochs' when `steps` counts epochs (`Scene.count`). */
  count?: 'epochs'
  /** Classifier L2 weight λ (undefined: the preset's own). */
  lambda?: number
}

/**
 * Where `escape` leaves a critical point: u₁ of `analyzePoint(surface, ...at).escapeDirection`, or undefined
 * where there is nothing to escape from.
 */
export type EscapeDirectionOf = (surface: string, at: Vec2) => Vec2 | undefined

/** The set-up a scene opens with: its surface, start (default the surface's), racers (all visible), schedule, noise. */
export function initialSetup(scene: Scene): SceneSetup {
  const racers = (scene.racers ?? []).map(copyRacer)
  const setup: SceneSetup = { racers, steps: scene.steps, visible: racers.map((_, i) => i) }
  if (scene.surface !== undefined) {
    setup.surface = scene.surface
    const start = scene.start ?? getSurfaceMeta(scene.surface).start
    setup.start = [start[0], start[1]]
  }
  if (scene.schedule !== undefined) setup.schedule = structuredClone(scene.schedule)
  if (scene.noise !== undefined && scene.noise.std > 0) setup.noise = { ...scene.noise }
  if (scene.classifier?.lambda !== undefined) setup.lambda = scene.classifier.lambda
  if (scene.count !== undefined) setup.count = scene.count
  return setup
}

/**
 * `applySceneAction` with `escape` resolved by `escapeDirectionOf`. Two appliers exist: ./setup.ts asks the
 * kernel (`analyzePoint`), the one below reads the surfaces' listed `escapes`, so the main thread runs no math.
 * test/core/scenes/sceneSetupMeta.test.ts holds them equal on every card of every scene.
 */
export function sceneActionApplier(
  escapeDirectionOf: EscapeDirectionOf,
): (setup: SceneSetup, action: SceneAction) => SceneSetup {
  const apply = (setup: SceneSetup, action: SceneAction): SceneSetup => {
    const next: SceneSetup = { ...setup, racers: setup.racers.map(copyRacer), visible: [...setup.visible] }
    switch (action.type) {
      case 'escape': {
        if (setup.surface === undefined || setup.start === undefined) {
          throw new SpecError('action.type', 'an action of a surface scene', action.type)
        }
        const [x, y] = setup.start
        const u = escapeDirectionOf(setup.surface, [x, y])
        const d = action.distance ?? 1
        if (u !== undefined) {
          const to: Vec2 = [x + d * u[0], y + d * u[1]]
          // A start near the largest double plus a step can overflow: refuse rather than keep ±∞.
          if (!(Number.isFinite(to[0]) && Number.isFinite(to[1])))
            throw new SpecError('action.distance', 'a distance that keeps the start finite', d)
          next.start = to
        }
        return next
      }
      case 'setStart':
        if (setup.surface === undefined)
          throw new SpecError('action.type', 'an action of a surface scene', action.type)
        next.start = [action.start[0], action.start[1]]
        return next
      case 'setSurface':
        next.surface = action.surface
        if (next.start === undefined) {
          const s = getSurfaceMeta(action.surface).start
          next.start = [s[0], s[1]]
        }
        return next
      case 'setRacer': {
        const i = checkIndex(action.index, setup.racers.length)
        next.racers[i].optimizer = { ...next.racers[i].optimizer, ...action.patch }
        return next
      }
      case 'setSchedule':
        next.schedule = structuredClone(action.schedule)
        return next
      case 'setNoise':
        if (action.noise.std > 0) next.noise = { ...action.noise }
        else delete next.noise
        return next
      case 'showRacers':
        next.visible = action.indices.map((i) => checkIndex(i, setup.racers.length))
        return next
      case 'setLambda':
        next.lambda = action.lambda
        return next
      case 'sequence':
        return action.actions.reduce(apply, next)
      case 'play':
      case 'toEnd':
        return next
    }
  }
  // The whole action (nested sequences included) is checked once at the edge, then applied.
  return (setup, action) => apply(setup, checkSceneAction(action))
}

/**
 * Applies one card action (semantics documented on `SceneAction`) and returns the new set-up. Throws a
 * SpecError for a malformed action (`checkSceneAction`: every number finite and in its domain), a racer index
 * out of range, and for `escape` or `setStart` on a set-up without a surface. This copy reads the escape direction from the surface's listed `escapes` (`listedEscape`), so an `escape`
 * from a critical point the surface does not list does nothing; scene cards therefore move the start onto a
 * listed point first (test/core/scenes/sceneSetupMeta.test.ts checks that every card does).
 */
export const applySceneAction = sceneActionApplier(listedEscape)

/**
 * One `TrajectorySpec` per racer (hidden ones included), in racer order: the set-up's surface, start, steps
 * and noise, and the racer's own schedule or else the shared one. Empty for a set-up without a surface.
 * A racer's `batch` (below the surface's N) becomes a `BatchSpec` seeded with the noise seed (1 when the
 * noise is off, the playground's default seed); with `count: 'epochs'` steps is multiplied by ⌈N/B⌉
 * (capped at MAX_RACE_STEPS), as the playground's `buildRaceEntries` does.
 */
export function raceSpecs(setup: SceneSetup): TrajectorySpec[] {
  const { surface, start } = setup
  if (surface === undefined || start === undefined) return []
  const examples = findSurfaceMeta(surface)?.examples
  return setup.racers.map((racer) => {
    const batch = effectiveBatch(examples, racer.batch)
    const perEpoch = setup.count === 'epochs' ? updatesPerEpoch(examples, batch) : 1
    const spec: TrajectorySpec = {
      surface,
      optimizer: { ...racer.optimizer },
      start: [start[0], start[1]],
      steps: Math.min(MAX_RACE_STEPS, setup.steps * perEpoch),
    }
    const schedule = racer.schedule ?? setup.schedule
    if (schedule !== undefined) spec.schedule = structuredClone(schedule)
    if (setup.noise !== undefined) spec.noise = { ...setup.noise }
    if (batch !== undefined) spec.batch = { size: batch, seed: setup.noise?.seed ?? 1 }
    return spec
  })
}

function copyRacer(r: SceneRacer): SceneRacer {
  const out: SceneRacer = { optimizer: { ...r.optimizer } }
  if (r.label !== undefined) out.label = { ...r.label }
  if (r.schedule !== undefined) out.schedule = structuredClone(r.schedule)
  if (r.batch !== undefined) out.batch = r.batch
  return out
}

function checkIndex(i: number, n: number): number {
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new SpecError('action.index', `an integer racer index in 0..${n - 1}`, i)
  }
  return i
}
