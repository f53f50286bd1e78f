import { netSurfaceFor } from '../landscape/netSurface'
import { defaultNetSurfaceSpec } from '../landscape/netSurface.meta'
import type { NetSurface } from '../landscape/netSurface'
import type { Surface } from '../types'
import { netSliceMeta } from './netSlice.meta'

let built: NetSurface | undefined
/** Built on first use: training the course's net takes tens of milliseconds, not at import. */
const surface = (): NetSurface => (built ??= netSurfaceFor(defaultNetSurfaceSpec()))

/**
 * f(α, β) = L(θ_c + α·d₁ + β·d₂) of the default network surface (`defaultNetSurfaceSpec`: the course's 2-11-1
 * ReLU net trained 800 epochs on dot.csv, directions of seed 1); see `createNetSurface` for ∇f and the
 * Hessian. A run whose spec names another network (`TrajectorySpec.net`) gets that one instead.
 */
export const netSlice: Surface = {
  ...netSliceMeta,
  f: (a, b) => surface().f(a, b),
  grad: (a, b, out) => surface().grad(a, b, out),
  hessian: (a, b, out) => surface().hessian(a, b, out),
}
