import { describe, expect, it } from 'vitest'
import { getSurfaceMeta } from '../../../src/core/surfaces/meta'
import { applySceneAction, initialSetup } from '../../../src/core/scenes/setup'
import { scenes } from '../../../src/core/scenes/index'
import type { SceneSetup } from '../../../src/core/scenes/setup'
import { runRacers } from './sceneRuns'

/**
 * A student sees a path only inside the view: every racer of every surface scene, at the opening and after each
 * card's button (pressed in order, as a lecturer walks the cards), stays inside the scene's view, unless it
 * diverges (then it must leave: the view marks it at the edge). Racers a card hides do not count.
 */
describe('scene views fit their racers’ paths', () => {
  for (const scene of scenes.filter((s) => s.kind === 'surface')) {
    it(`${scene.number} ${scene.id}: every visible path stays in the view on every card`, () => {
      let setup: SceneSetup = initialSetup(scene)
      const check = (when: string) => {
        const view = scene.view ?? getSurfaceMeta(setup.surface!).extent
        runRacers(setup).forEach((t, i) => {
          if (!setup.visible.includes(i) || t.status === 'diverged') return
          let worst = 0
          for (let k = 0; k < t.x.length; k++) {
            const out = Math.max(
              view.x[0] - t.x[k],
              t.x[k] - view.x[1],
              view.y[0] - t.y[k],
              t.y[k] - view.y[1],
            )
            if (out > worst) worst = out
          }
          expect(worst, `${when}: racer ${i} leaves the view by ${worst}`).toBeLessThanOrEqual(0)
        })
      }
      check('opening')
      for (const card of scene.cards) {
        if (card.action === undefined) continue
        setup = applySceneAction(setup, card.action)
        check(`card ${card.id}`)
      }
    })
  }
})
