import { analyzePoint } from '../analyzePoint'
import type { SceneAction } from './types'
import { sceneActionApplier } from './sceneSetup.meta'
import type { SceneSetup } from './sceneSetup.meta'

export { initialSetup, raceSpecs, type SceneSetup } from './sceneSetup.meta'

const applyWithKernel = sceneActionApplier((surface, [x, y]) => analyzePoint(surface, x, y).escapeDirection)

/**
 * Applies one card action (semantics documented on `SceneAction`) and returns the new set-up. Throws a
 * SpecError for a malformed action (`checkSceneAction`: every number finite and in its domain, the field
 * named), a racer index out of range, and for `escape` or `setStart` on a set-up without a surface.
 * `escape` asks `analyzePoint` at the start, whatever the point (the main thread's copy in
 * ./sceneSetup.meta.ts reads precomputed directions instead).
 */
export function applySceneAction(setup: SceneSetup, action: SceneAction): SceneSetup {
  return applyWithKernel(setup, action)
}
