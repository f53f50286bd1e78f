import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  createNetSurface,
  defaultNetSurfaceSpec,
  getSurface,
  lossHessian,
  lossSlice,
  runTrajectory,
  validateTrajectorySpec,
} from '../../../src/core/index'
import type { NetSurfaceSpec } from '../../../src/core/index'
import { DOT_CSV } from '../../../src/core/landscape/dotCsv'
import { SpecError } from '../../../src/core/errors'

const spec = (over: Partial<NetSurfaceSpec> = {}): NetSurfaceSpec => ({
  ...defaultNetSurfaceSpec(),
  ...over,
})
const withL2 = (epochs: number): NetSurfaceSpec => {
  const s = spec()
  s.config.epochs = epochs
  s.config.regularization = { kind: 'l2', lambda: 0.03 }
  return s
}

/** f of lossSlice at (a, b) for the surface's own center and directions. */
function sliceAt(
  s: ReturnType<typeof createNetSurface>,
  dataset: Parameters<typeof lossSlice>[0]['dataset'],
  a: number,
  b: number,
  h: number,
): Float64Array {
  // A 3×3 slice centred on (a, b) with spacing h: the finite-difference stencil.
  return lossSlice({
    config: s.spec.config,
    dataset,
    center: s.center,
    directions: s.directions,
    alpha: { min: a - h, max: a + h, n: 3 },
    beta: { min: b - h, max: b + h, n: 3 },
  }).loss
}

describe('the network surface f(α, β) = L(θ_c + α·d₁ + β·d₂)', () => {
  const built = createNetSurface(withL2(200))
  const dataset = (() => {
    // The same rows the surface uses: dot.csv, parsed by the core.
    return { ...parseDot() }
  })()

  it('keeps its own copy of dot.csv equal to public/dot.csv', () => {
    expect(DOT_CSV).toBe(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
  })

  it('is lossSlice’s loss', () => {
    const v = sliceAt(built, dataset, 0.3, -0.2, 0.1)
    expect(built.f(0.3, -0.2)).toBe(v[4])
    expect(built.f(0.2, -0.3)).toBeCloseTo(v[0], 14)
  })

  for (const [a, b] of [
    [0, 0],
    [0.31, -0.17],
    [-0.6, 0.45],
  ]) {
    it(`projected gradient and Hessian match finite differences of lossSlice at (${a}, ${b})`, () => {
      const h = 1e-4
      const v = sliceAt(built, dataset, a, b, h)
      // Index j·3 + i for (a + (i − 1)h, b + (j − 1)h).
      const fx = (v[5] - v[3]) / (2 * h)
      const fy = (v[7] - v[1]) / (2 * h)
      const fxx = (v[5] - 2 * v[4] + v[3]) / (h * h)
      const fyy = (v[7] - 2 * v[4] + v[1]) / (h * h)
      const fxy = (v[8] - v[6] - v[2] + v[0]) / (4 * h * h)
      const g = built.grad(a, b)
      const H = built.hessian(a, b)
      const scale = Math.max(1, Math.abs(fxx), Math.abs(fyy))
      expect(Math.abs(g[0] - fx)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fx)))
      expect(Math.abs(g[1] - fy)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fy)))
      // Second differences of f with h = 1e-4 carry ≈ ε·|f|/h² ≈ 1e-8·|f| of rounding: 1e-4 relative is loose
      // enough for that and tight enough to catch a wrong projection (a wrong sign or a missing factor ½).
      expect(Math.abs(H[0] - fxx)).toBeLessThan(1e-4 * scale)
      expect(Math.abs(H[1] - fxy)).toBeLessThan(1e-4 * scale)
      expect(Math.abs(H[2] - fyy)).toBeLessThan(1e-4 * scale)
    })
  }

  it('its Hessian is the projection dᵢᵀ·H·dⱼ of the network’s 45×45 Hessian (lossHessian)', () => {
    const full = lossHessian(built.spec.config, dataset, built.center)
    const flat = (w: typeof built.center) => w.flatMap((l) => [...l.W.flat(), ...l.b])
    const [u, v] = built.directions.map(flat)
    const n = full.n
    const quad = (p: number[], q: number[]) => {
      let s = 0
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += p[i] * full.hessian[i * n + j] * q[j]
      return s
    }
    const H = built.hessian(0, 0)
    const scale = Math.max(1, Math.abs(H[0]), Math.abs(H[2]))
    expect(Math.abs(H[0] - quad(u, u))).toBeLessThan(1e-5 * scale)
    expect(Math.abs(H[1] - quad(u, v))).toBeLessThan(1e-5 * scale)
    expect(Math.abs(H[2] - quad(v, v))).toBeLessThan(1e-5 * scale)
    expect(built.f(0, 0)).toBeCloseTo(full.loss, 12)
  })

  it('is the registry surface net-slice by default, and every optimizer races on it', () => {
    const registry = getSurface('net-slice')
    const def = createNetSurface(spec())
    expect(registry.f(0.2, 0.1)).toBe(def.f(0.2, 0.1))
    for (const kind of ['sgd', 'momentum', 'adam', 'newton'] as const) {
      const run = runTrajectory({
        surface: 'net-slice',
        optimizer: { kind, lr: kind === 'newton' ? 1 : kind === 'adam' ? 0.05 : 0.01 },
        start: [-0.8, 0.6],
        steps: 40,
        net: withL2(200),
      })
      expect(run.status).toBe('ok')
      expect(run.loss[40]).toBeLessThan(run.loss[0])
    }
  })

  it('validates the net spec at the edge of a trajectory', () => {
    const base = { surface: 'net-slice', optimizer: { kind: 'sgd', lr: 0.1 }, start: [0, 0], steps: 3 }
    expect(() => validateTrajectorySpec({ ...base, net: { ...spec(), center: 'middle' } })).toThrow(
      /net\.center/,
    )
    const bad = spec()
    bad.config.layers = [2, 0, 1]
    expect(() => validateTrajectorySpec({ ...base, net: bad })).toThrow(/net\.config\.layers\[1\]/)
    expect(() => validateTrajectorySpec({ ...base, surface: 'booth', net: spec() })).toThrow(SpecError)
  })
})

function parseDot() {
  // Imported lazily so the file's top stays about the surface.
  return parseDatasetText(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))
}
import { parseDataset as parseDatasetText } from '../../../src/core/mlp/index'
