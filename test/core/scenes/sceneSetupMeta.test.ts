import { describe, expect, it } from 'vitest'
import { applySceneAction as applyWithKernel, initialSetup } from '../../../src/core/scenes/setup'
import { applySceneAction as applyWithMeta } from '../../../src/core/scenes/sceneSetup.meta'
import type { SceneSetup } from '../../../src/core/scenes/sceneSetup.meta'
import { scenes } from '../../../src/core/scenes/meta'
import type { SceneAction } from '../../../src/core/scenes/types'
import { surfaceIds } from '../../../src/core/surfaces/meta'

/** The outcome of an applier: the set-up, or the error it threw. */
function outcome(apply: (s: SceneSetup, a: SceneAction) => SceneSetup, s: SceneSetup, a: SceneAction) {
  try {
    return apply(s, a)
  } catch (e) {
    return { threw: String(e) }
  }
}

/** True when every `escape` in `action` follows a `setStart` earlier in the same sequence. */
function escapesFollowSetStart(action: SceneAction, started = false): boolean {
  if (action.type === 'escape') return started
  if (action.type !== 'sequence') return true
  let seen = started
  for (const a of action.actions) {
    if (!escapesFollowSetStart(a, seen)) return false
    if (a.type === 'setStart') seen = true
  }
  return true
}

describe('the main thread’s applySceneAction (escapes read from the surface meta)', () => {
  it('moves every scene escape off a point the card sets itself, never off a user’s start', () => {
    for (const scene of scenes)
      for (const card of scene.cards)
        if (card.action !== undefined)
          expect(escapesFollowSetStart(card.action), `${scene.id}/${card.id}`).toBe(true)
  })

  it('agrees with the kernel’s on every card of every scene, on the scene’s surface and on every other', () => {
    let escapes = 0
    for (const scene of scenes) {
      let setup = initialSetup(scene)
      for (const card of scene.cards) {
        const action = card.action
        if (action === undefined) continue
        const variants =
          setup.surface === undefined ? [setup] : surfaceIds.map((surface) => ({ ...setup, surface }))
        for (const s of variants) {
          const kernel = outcome(applyWithKernel, s, action)
          expect(outcome(applyWithMeta, s, action), `${scene.id}/${card.id} on ${s.surface}`).toEqual(kernel)
          if (JSON.stringify(action).includes('"escape"') && 'start' in kernel) escapes++
        }
        setup = applyWithKernel(setup, action)
      }
    }
    // At least the saddle scene's Hessian card, tried on every surface: the check above is not vacuous.
    expect(escapes).toBeGreaterThanOrEqual(surfaceIds.length)
  })
})
