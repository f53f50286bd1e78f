import { describe, expect, it } from 'vitest'
import { maxCurvature, stabilityLimit } from '../../../src/core/scenes/curvature'
import { featureNormalization } from '../../../src/core/scenes/featureNormalization.meta'
import { stuckNotSmallGradient } from '../../../src/core/scenes/stuckNotSmallGradient.meta'
import type { SceneAction } from '../../../src/core/scenes/types'

/** Every learning rate a card's `setRacer` sets, in card order. */
function cardLrs(actions: (SceneAction | undefined)[]): number[] {
  return actions.flatMap((a): number[] => {
    if (a === undefined) return []
    if (a.type === 'sequence') return cardLrs(a.actions)
    return a.type === 'setRacer' && a.patch.lr !== undefined ? [a.patch.lr] : []
  })
}

describe('learning rates the scene metas write out instead of computing', () => {
  it('feature normalization: η = 1/λ_max of each surface, equal to the kernel’s to the last bit', () => {
    const raw = 1 / maxCurvature('feature-raw', [0, 0])
    const standardized = 1 / maxCurvature('feature-standardized', [0, 0])
    expect(featureNormalization.racers![0].optimizer.lr).toBe(raw)
    expect(cardLrs(featureNormalization.cards.map((c) => c.action))).toEqual([standardized, raw])
  })

  it('stuck ≠ small gradient: 0.995 and 1.005 times 2/λ_max of pokemon-sum, equal to the kernel’s', () => {
    const limit = stabilityLimit('pokemon-sum', [-120, -4])
    expect(stuckNotSmallGradient.racers![0].optimizer.lr).toBe(0.995 * limit)
    expect(cardLrs(stuckNotSmallGradient.cards.map((c) => c.action))).toEqual([1.005 * limit])
  })
})
