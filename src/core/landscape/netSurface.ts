import { createObjective } from '../mlp/objective'
import { createTrainer } from '../mlp/trainer'
import type { LayerWeights } from '../mlp/types'
import { setOut2, setOut3 } from '../surfaces/out'
import type { Out2, Out3, Surface } from '../types'
import { netSliceMeta } from '../surfaces/netSlice.meta'
import { createNetEvaluator } from './netEvaluator'
import type { NetSurfaceSpec } from './netSurface.meta'
import { netSurfaceDataset, validateNetSurfaceSpec } from './netSurfaceSpec'
import { flatten, flattenDirection } from './netWeights'
import { randomDirection } from './randomDirection'

/** Step in α, β units of the directional differences of the gradient that give the projected Hessian. */
const HESSIAN_STEP = 1e-5

/** A network surface and what it was built from (the center and the two directions). */
export interface NetSurface extends Surface {
  readonly spec: NetSurfaceSpec
  readonly center: LayerWeights[]
  readonly directions: [LayerWeights[], LayerWeights[]]
}

/**
 * The classifier's loss along two directions as a 2D surface, so that every optimizer, schedule and the
 * Hessian inspector work on it (Li et al., 2018): with θ(α, β) = θ_c + α·d₁ + β·d₂,
 * - f(α, β) = L(θ(α, β)), exactly `lossSlice`'s `loss` (every row, evaluation mode, penalty included);
 * - ∇f = (⟨∇L, d₁⟩, ⟨∇L, d₂⟩), the network's exact backprop gradient projected onto the directions;
 * - the Hessian [d₁ᵀHd₁, ½(d₂ᵀHd₁ + d₁ᵀHd₂), d₂ᵀHd₂], H the network's Hessian (the one `lossHessian` builds
 *   column by column) applied to d_k by the central difference of the exact gradient,
 *   H·d_k ≈ (∇L(θ + h·d_k) − ∇L(θ − h·d_k))/(2h), h = 10⁻⁵ — 4 gradients instead of 2n.
 * The spec is validated (`validateNetSurfaceSpec`); a 'trained' center trains `config` to the end first.
 */
export function createNetSurface(spec: NetSurfaceSpec): NetSurface {
  const s = validateNetSurfaceSpec(spec)
  const dataset = netSurfaceDataset(s.data)
  const center = s.center === 'trained' ? trainedWeights(s) : createTrainer(s.config, dataset).weights()
  const d1 = randomDirection(center, s.seed)
  const d2 = randomDirection(center, (s.seed + 1) >>> 0)
  const ev = createNetEvaluator(s.config, dataset)
  const { params: c, stats } = flatten(ev.layout, center)
  ev.stats.set(stats)
  const u = flattenDirection(ev.layout, d1)
  const v = flattenDirection(ev.layout, d2)
  const objective = createObjective(s.config, dataset, { weights: center, rows: [0, dataset.n] })
  const n = c.length
  const theta = new Float64Array(n)
  const g = new Float64Array(n)
  const gp = new Float64Array(n)
  const gm = new Float64Array(n)
  const out = new Float64Array(3)
  const at = (a: number, b: number, shift = 0, dir: Float64Array = u): Float64Array => {
    for (let k = 0; k < n; k++) theta[k] = c[k] + a * u[k] + b * v[k] + shift * dir[k]
    return theta
  }
  const dot = (p: Float64Array, q: Float64Array) => {
    let sum = 0
    for (let k = 0; k < n; k++) sum += p[k] * q[k]
    return sum
  }
  /** (H·dir)·u and (H·dir)·v by the central difference of the exact gradient along dir. */
  const curvature = (a: number, b: number, dir: Float64Array): [number, number] => {
    objective.gradient(at(a, b, HESSIAN_STEP, dir), gp)
    objective.gradient(at(a, b, -HESSIAN_STEP, dir), gm)
    let hu = 0
    let hv = 0
    for (let k = 0; k < n; k++) {
      const d = (gp[k] - gm[k]) / (2 * HESSIAN_STEP)
      hu += d * u[k]
      hv += d * v[k]
    }
    return [hu, hv]
  }
  return {
    ...netSliceMeta,
    spec: s,
    center,
    directions: [d1, d2],
    f(a, b) {
      ev.evaluate(at(a, b), out)
      return out[0]
    },
    grad(a, b, o: Out2 = new Float64Array(2)) {
      objective.gradient(at(a, b), g)
      return setOut2(o, dot(g, u), dot(g, v))
    },
    hessian(a, b, o: Out3 = new Float64Array(3)) {
      const [huu, huv] = curvature(a, b, u)
      const [hvu, hvv] = curvature(a, b, v)
      return setOut3(o, huu, 0.5 * (huv + hvu), hvv)
    },
  }
}

function trainedWeights(spec: NetSurfaceSpec): LayerWeights[] {
  const trainer = createTrainer(spec.config, netSurfaceDataset(spec.data))
  trainer.trainEpochs(Infinity)
  return trainer.result().weights
}

/** The few most recent surfaces by spec: a race, its grid and the inspector ask for the same one. */
const cache = new Map<string, NetSurface>()
const CACHE_SIZE = 4

/** `createNetSurface(spec)`, reusing one of the last four built (keyed by the spec's JSON). */
export function netSurfaceFor(spec: NetSurfaceSpec): NetSurface {
  const key = JSON.stringify(spec)
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const made = createNetSurface(spec)
  cache.set(key, made)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return made
}
