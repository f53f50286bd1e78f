import type { DatasetKind } from '../mlp/types'
import type { ClassifierConfig } from '../mlp/types'
import { classifierPresets } from '../scenes/classifierPresets.meta'

/** The registry id of the network surface (`surfaces/netSlice.meta.ts`). */
export const NET_SURFACE_ID = 'net-slice'

/** The data a network surface is built on, named, never carried: dot.csv or a seeded generated set. */
export type NetSurfaceData =
  { kind: 'dot' } | { kind: 'generated'; shape: DatasetKind; n: number; noise: number; seed: number }

/**
 * Plain data that rebuilds one slice of a classifier's loss as a 2D surface, f(α, β) = L(θ_c + α·d₁ + β·d₂)
 * (`createNetSurface`): the network and its training (`config`, whose `init.seed` fixes the initial weights),
 * its data, the center θ_c ('init': the initial weights; 'trained': the weights after training with
 * `config`, deterministic), and the seed of the two filter-normalized random directions
 * (d₁ = randomDirection(θ_c, seed), d₂ = randomDirection(θ_c, seed + 1)).
 */
export interface NetSurfaceSpec {
  config: ClassifierConfig
  data: NetSurfaceData
  center: 'init' | 'trained'
  seed: number
}

/** Most epochs a 'trained' center may take (the worker trains it before the first frame). */
export const MAX_NET_SURFACE_EPOCHS = 5000

/**
 * The surface's default: the PKU course's 2-11-1 net on dot.csv, trained 800 epochs, directions of seed 1
 * (a fresh copy).
 */
export function defaultNetSurfaceSpec(): NetSurfaceSpec {
  return {
    config: structuredClone(classifierPresets.course.config),
    data: { kind: 'dot' },
    center: 'trained',
    seed: 1,
  }
}
