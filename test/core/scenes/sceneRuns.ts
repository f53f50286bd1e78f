import { readFileSync } from 'node:fs'
import { parseDataset } from '../../../src/core/mlp/index'
import type { Dataset } from '../../../src/core/mlp/types'
import { runTrajectory } from '../../../src/core/run'
import { applySceneAction, initialSetup, raceSpecs } from '../../../src/core/scenes/setup'
import type { SceneSetup } from '../../../src/core/scenes/setup'
import type { Scene, SceneCard } from '../../../src/core/scenes/types'
import type { Trajectory, Vec2 } from '../../../src/core/types'

/** The scene's card with this id (a test fails loudly when a card it relies on disappears). */
export function card(scene: Scene, id: string): SceneCard {
  const found = scene.cards.find((c) => c.id === id)
  if (!found) throw new Error(`scene '${scene.id}' has no card '${id}'`)
  return found
}

/** The set-up after pressing card `id`'s button, starting from `setup` (default: the scene's opening set-up). */
export function afterCard(scene: Scene, id: string, setup: SceneSetup = initialSetup(scene)): SceneSetup {
  const action = card(scene, id).action
  if (!action) throw new Error(`card '${id}' of scene '${scene.id}' has no action`)
  return applySceneAction(setup, action)
}

/** Every racer of a set-up run through the real core (`runTrajectory`), in racer order. */
export function runRacers(setup: SceneSetup): Trajectory[] {
  return raceSpecs(setup).map(runTrajectory)
}

/** The last point of a trajectory. */
export function endOf(t: Trajectory): Vec2 {
  const n = t.x.length - 1
  return [t.x[n], t.y[n]]
}

/** Updates k ≥ `from` whose move along the second coordinate exceeds `threshold`: |y[k] − y[k − 1]| > threshold. */
export function jumps(t: Trajectory, threshold = 0.5, from = 1): number {
  let count = 0
  for (let k = Math.max(1, from); k < t.y.length; k++) if (Math.abs(t.y[k] - t.y[k - 1]) > threshold) count++
  return count
}

/** The first index k ≥ `from` with |y[k] − y[k − 1]| > threshold, or −1. */
export function firstJump(t: Trajectory, threshold = 0.5, from = 1): number {
  for (let k = Math.max(1, from); k < t.y.length; k++) if (Math.abs(t.y[k] - t.y[k - 1]) > threshold) return k
  return -1
}

/** The first point index at which `test(x, y, loss)` holds, or −1. */
export function firstIndex(t: Trajectory, test: (x: number, y: number, loss: number) => boolean): number {
  for (let k = 0; k < t.x.length; k++) if (test(t.x[k], t.y[k], t.loss[k])) return k
  return -1
}

/** The PKU course's dot.csv, as shipped with the app. */
export function loadDot(): Dataset {
  return parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
}
