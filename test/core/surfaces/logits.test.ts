import { describe, expect, it } from 'vitest'
import { createRng } from '../../../src/core/math/rng'
import { ceLogits, mseLogits } from '../../../src/core/surfaces/logits'
import { assertClose } from '../../helpers/assertInDelta'

/** The 3-class scene by definition, in float64: logits (y₁, y₂, −1000), label [1, 0, 0], y′ = softmax. */
function threeClass(
  y1: number,
  y2: number,
): { mse: number; ce: number; gMse: [number, number]; gCe: [number, number] } {
  const z = [y1, y2, -1000]
  const m = Math.max(...z)
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0))
  const p = z.map((v) => Math.exp(v - lse))
  // Residuals y′ − ŷ, with y′₁ − 1 written as −(y′₂ + y′₃) so that it does not cancel when y′₁ → 1.
  const r = [-(p[1] + p[2]), p[1], p[2]]
  // 1 − y′ⱼ likewise, for the softmax Jacobian y′ᵢ(δᵢⱼ − y′ⱼ).
  const oneMinus = [p[1] + p[2], p[0] + p[2]]
  const mse = r.reduce((s, v) => s + v * v, 0)
  const ce = lse - y1
  // ∂MSE/∂y_j = Σᵢ 2(y′ᵢ − ŷᵢ)·y′ᵢ(δᵢⱼ − y′ⱼ); ∂CE/∂y_j = y′ⱼ − ŷⱼ.
  const gMse = [0, 1].map((j) => r.reduce((s, v, i) => s + 2 * v * p[i] * (i === j ? oneMinus[j] : -p[j]), 0))
  return { mse, ce, gMse: [gMse[0], gMse[1]], gCe: [r[0], r[1]] }
}

describe('mse-logits and ce-logits', () => {
  it('have axes y₁, y₂ on [−10, 10]², start (−8, 8) and no finite minimum', () => {
    for (const s of [mseLogits, ceLogits]) {
      expect(s.axes).toEqual(['y_1', 'y_2'])
      expect(s.extent).toEqual({ x: [-10, 10], y: [-10, 10] })
      expect(s.start).toEqual([-8, 8])
      expect(s.minima).toEqual([])
      expect(s.boundedBelow).toBe(true)
    }
  })

  it('equal the 3-class softmax losses with y₃ = −1000, and their gradients the softmax-Jacobian formulas', () => {
    const rng = createRng(5)
    const pts: [number, number][] = [
      [-8, 8],
      [-10, 10],
      [10, -10],
      [0, 0],
      [3, 3],
    ]
    for (let k = 0; k < 25; k++) pts.push([-10 + 20 * rng.next(), -10 + 20 * rng.next()])
    for (const [a, b] of pts) {
      const ref = threeClass(a, b)
      assertClose(mseLogits.f(a, b), ref.mse, 1e-13, `MSE(${a}, ${b})`)
      assertClose(ceLogits.f(a, b), ref.ce, 1e-13, `CE(${a}, ${b})`)
      const gm = mseLogits.grad(a, b, [0, 0])
      const gc = ceLogits.grad(a, b, [0, 0])
      // Relative to the gradient itself, however tiny it is on the plateau.
      for (let i = 0; i < 2; i++) {
        expect(Math.abs(gm[i] - ref.gMse[i])).toBeLessThanOrEqual(1e-10 * Math.abs(ref.gMse[i]) + 1e-300)
        expect(Math.abs(gc[i] - ref.gCe[i])).toBeLessThanOrEqual(1e-12 * Math.abs(ref.gCe[i]) + 1e-300)
      }
    }
  })

  it('mse-logits is the tanh plateau ½(1 − tanh(d/2))² with d = y₁ − y₂, and its gradient −½(1 − tanh(d/2))·sech²(d/2)', () => {
    // d ≤ 4 only: for larger d, 1 − tanh(d/2) cancels in the reference itself.
    for (const d of [-20, -16, -5, 0, 4]) {
      const t = Math.tanh(d / 2)
      const c = Math.cosh(d / 2)
      assertClose(mseLogits.f(d / 2, -d / 2), 0.5 * (1 - t) ** 2, 1e-14, `L(d=${d})`)
      const dLdd = (-0.5 * (1 - t)) / (c * c)
      const g = mseLogits.grad(d / 2, -d / 2, [0, 0])
      expect(Math.abs(g[0] - dLdd)).toBeLessThanOrEqual(1e-12 * Math.abs(dLdd))
      expect(g[1]).toBe(-g[0])
    }
  })

  it('agree with 40-digit mpmath values of the 3-class scene to 1e−14 (plateau, corner and far side)', () => {
    // mpmath, mp.dps = 40, rounded to the nearest double: softmax of (y₁, y₂, −1000), MSE and −ln y′₁, gradients by the softmax Jacobian.
    const ref: [number, number, number, number, number, number][] = [
      // y₁, y₂, L_MSE, ∂L_MSE/∂y₁, L_CE, ∂L_CE/∂y₁ (∂/∂y₂ = −∂/∂y₁)
      [-8, 8, 1.999999549859377, -4.501405469070841e-7, 16.00000011253517, -0.9999998874648379],
      [-10, 10, 1.9999999917553855, -8.24461443877398e-9, 20.000000002061153, -0.9999999979388464],
      [6, -6, 7.550176308500077e-11, -1.5100259837797122e-10, 6.144193477732806e-6, -6.144174602214718e-6],
    ]
    for (const [a, b, mse, gMse, ce, gCe] of ref) {
      assertClose(mseLogits.f(a, b), mse, 1e-14, 'MSE')
      assertClose(ceLogits.f(a, b), ce, 1e-14, 'CE')
      const gm = mseLogits.grad(a, b, [0, 0])
      const gc = ceLogits.grad(a, b, [0, 0])
      expect(Math.abs(gm[0] - gMse) / Math.abs(gMse)).toBeLessThan(1e-14)
      expect(gm[1]).toBe(-gm[0])
      expect(Math.abs(gc[0] - gCe) / Math.abs(gCe)).toBeLessThan(1e-14)
      expect(gc[1]).toBe(-gc[0])
      // Tiny values need a relative check: assertClose's max(1, |e|) floor would accept anything below 1e−14.
      expect(Math.abs(mseLogits.f(a, b) - mse) / mse).toBeLessThan(1e-14)
    }
  })

  it('‖∇L‖ at (−8, 8) is ≈ 6·10⁻⁷ for MSE and ≈ 1.41 for CE, and ≈ 1.2·10⁻⁸ for MSE at (−10, 10) (docs/lectures.md S10)', () => {
    const norm = (g: ArrayLike<number>): number => Math.hypot(g[0], g[1])
    const gm = norm(mseLogits.grad(-8, 8))
    expect(Math.abs(gm - 6e-7)).toBeLessThan(0.5e-7)
    expect(norm(ceLogits.grad(-8, 8))).toBeCloseTo(1.41, 2)
    expect(Math.abs(norm(mseLogits.grad(-10, 10)) - 1.2e-8)).toBeLessThan(0.05e-8)
  })

  it('GD with η = 1 for 1000 steps from (−8, 8) barely moves on MSE but reaches (3.8, −3.8) with L ≈ 5·10⁻⁴ on CE', () => {
    const run = (s: typeof mseLogits): [number, number] => {
      let a = -8
      let b = 8
      const g = [0, 0]
      for (let t = 0; t < 1000; t++) {
        s.grad(a, b, g)
        a -= g[0]
        b -= g[1]
      }
      return [a, b]
    }
    const [ma, mb] = run(mseLogits)
    expect(Math.hypot(ma + 8, mb - 8)).toBeLessThan(1e-3)
    const [ca, cb] = run(ceLogits)
    expect(ca).toBeCloseTo(3.8, 1)
    expect(cb).toBeCloseTo(-3.8, 1)
    expect(Math.abs(ceLogits.f(ca, cb) - 5e-4)).toBeLessThan(0.5e-4)
  })

  it('stay finite, with gradients of the right sign, far outside the view (|d| = 2000)', () => {
    for (const s of [mseLogits, ceLogits]) {
      for (const [a, b] of [
        [-1000, 1000],
        [1000, -1000],
      ]) {
        expect(Number.isFinite(s.f(a, b))).toBe(true)
        const g = s.grad(a, b, [0, 0])
        const h = s.hessian(a, b, [0, 0, 0])
        expect([...g, ...h].every(Number.isFinite)).toBe(true)
        expect(g[0]).toBeLessThanOrEqual(0)
      }
    }
    expect(ceLogits.f(-1000, 1000)).toBe(2000)
    expect(ceLogits.grad(-1000, 1000)[0]).toBe(-1)
  })
})
