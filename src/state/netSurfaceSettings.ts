import type { NetSurfaceData, NetSurfaceSpec } from '../core/landscape/netSurface.meta'
import { toClassifierConfig } from './lab/labSettings'
import type { NetSettings } from './lab/labSettings'

/**
 * The playground's network surface (#12, surface 'net-slice'): which network's loss slice the race runs on,
 * as plain data a link carries (`ns`, `nsnet`), never the weights. The worker rebuilds the slice from it:
 * the network trained with `net` from `seed` on `data`, centered on its initial or trained weights, along
 * the random directions of seed `directions`. Absent in `Settings`, the core's default (the course's
 * 2-11-1 net on dot.csv, trained, directions of seed 1).
 */
export interface NetSurfaceSettings {
  net: NetSettings
  /** The lab's seed: initial weights and batch order. */
  seed: number
  data: NetSurfaceData
  center: 'init' | 'trained'
  /** Seed of the two filter-normalized directions (d₁ from it, d₂ from it + 1). */
  directions: number
}

/** The core's spec of the surface these settings name. */
export function toNetSurfaceSpec(s: NetSurfaceSettings): NetSurfaceSpec {
  return {
    config: toClassifierConfig(s.net, s.seed),
    data: structuredClone(s.data),
    center: s.center,
    seed: s.directions,
  }
}
