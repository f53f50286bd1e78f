/**
 * The one-hidden-layer fast path (2 → H → 1, no batch norm, no dropout): the course's 2-11-1 and the
 * playground's default shape. Same formulas, same rounding and the same summation order as the general
 * kernels (`dense.ts`), so results are bit-identical; only the loop shapes differ. The flat parameters are
 * W₁ (2 × H) at 0, b₁ at 2H, W₂ (H × 1) at 3H and b₂ at 4H (`layout.ts`).
 *
 * Why these shapes (measured in Node 20, bench/classifier.bench.ts): in V8 every typed-array access costs a
 * map check, a bounds check and base-pointer loads, a few times the cost of the arithmetic, so the loops keep
 * values in locals and touch arrays as rarely as possible.
 * - Forward: four rows at once (each weight loaded once serves four rows) and the output unit fused in, so
 *   no hidden activation is written for the output layer to read back.
 * - Backward of a piecewise-linear activation (ReLU, leaky ReLU, linear): the hidden pre-activation is
 *   recomputed from the two features (4 flops) instead of being stored and loaded; two units at a time, so
 *   each row's features and ∂L/∂z serve both; rows in even/odd pairs, the two partial sums of the general
 *   kernels. For ReLU the inactive rows (f′ = 0, adding only zeros) are skipped.
 * - Smooth activations (tanh, sigmoid) store h in the forward pass (their f would cost more to recompute).
 */

import type { ActivationKernel } from './activations/index'

/** Activation codes of the fast kernels: f(z) = z for z > 0 and q·z otherwise, tanh z, or σ(z). */
export const PIECEWISE: ActivationKernel = 0
export const TANH: ActivationKernel = 1
export const SIGMOID: ActivationKernel = 2

/**
 * Output pre-activation of `count` rows of x (count × 2, row-major): zOut[s] = b₂ + Σ_j W₂[j]·f(b₁[j] +
 * x[s, 0]·W₁[0, j] + x[s, 1]·W₁[1, j]), summed over j in order. With `hOut` non-empty (smooth activations),
 * also writes hOut[s·H + j] = f(…) for the backward pass.
 */
export function shallowForward(
  x: Float64Array,
  params: Float64Array,
  units: number,
  count: number,
  kernel: ActivationKernel,
  q: number,
  zOut: Float64Array,
  hOut: Float64Array,
): void {
  const H = units
  const w1 = H
  const bo = 2 * H
  const vo = 3 * H
  const c = params[4 * H]
  const store = hOut.length > 0
  // A short last block repeats its last row (the same value is written again), so there is no tail loop.
  const last = count - 1
  for (let s = 0; s < count; s += 4) {
    const s1 = s + 1 < last ? s + 1 : last
    const s2 = s + 2 < last ? s + 2 : last
    const s3 = s + 3 < last ? s + 3 : last
    const a0 = x[2 * s]
    const a1 = x[2 * s + 1]
    const b0 = x[2 * s1]
    const b1 = x[2 * s1 + 1]
    const c0 = x[2 * s2]
    const c1 = x[2 * s2 + 1]
    const d0 = x[2 * s3]
    const d1 = x[2 * s3 + 1]
    let o0 = c
    let o1 = c
    let o2 = c
    let o3 = c
    if (kernel === PIECEWISE) {
      for (let j = 0; j < H; j++) {
        const b = params[bo + j]
        const u = params[j]
        const w = params[w1 + j]
        const v = params[vo + j]
        const z0 = b + a0 * u + a1 * w
        const z1 = b + b0 * u + b1 * w
        const z2 = b + c0 * u + c1 * w
        const z3 = b + d0 * u + d1 * w
        o0 += (z0 > 0 ? z0 : q * z0) * v
        o1 += (z1 > 0 ? z1 : q * z1) * v
        o2 += (z2 > 0 ? z2 : q * z2) * v
        o3 += (z3 > 0 ? z3 : q * z3) * v
      }
    } else {
      const tanh = kernel === TANH
      for (let j = 0; j < H; j++) {
        const b = params[bo + j]
        const u = params[j]
        const w = params[w1 + j]
        const v = params[vo + j]
        const z0 = b + a0 * u + a1 * w
        const z1 = b + b0 * u + b1 * w
        const z2 = b + c0 * u + c1 * w
        const z3 = b + d0 * u + d1 * w
        const h0 = tanh ? Math.tanh(z0) : 1 / (1 + Math.exp(-z0))
        const h1 = tanh ? Math.tanh(z1) : 1 / (1 + Math.exp(-z1))
        const h2 = tanh ? Math.tanh(z2) : 1 / (1 + Math.exp(-z2))
        const h3 = tanh ? Math.tanh(z3) : 1 / (1 + Math.exp(-z3))
        if (store) {
          hOut[s * H + j] = h0
          hOut[s1 * H + j] = h1
          hOut[s2 * H + j] = h2
          hOut[s3 * H + j] = h3
        }
        o0 += h0 * v
        o1 += h1 * v
        o2 += h2 * v
        o3 += h3 * v
      }
    }
    zOut[s] = o0
    zOut[s1] = o1
    zOut[s2] = o2
    zOut[s3] = o3
  }
}

/**
 * Backward after `shallowForward` on the same rows, given g[s] = ∂L/∂z of the output unit. ADDS to `grad`:
 * ∂L/∂b₂ = Σ_s g[s], ∂L/∂W₂[j] = Σ_s h[s, j]·g[s], and with e[s, j] = g[s]·W₂[j]·f′ (f′ = [z > 0] + q·[z ≤ 0]
 * for PIECEWISE, else (h > 0 ? p : q) + h·(c₁ + c₂·h) from `slope` = [p, q, c₁, c₂] and the stored h):
 * ∂L/∂b₁[j] = Σ_s e[s, j], ∂L/∂W₁[i, j] = Σ_s x[s, i]·e[s, j].
 */
export function shallowBackward(
  x: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  units: number,
  count: number,
  kernel: ActivationKernel,
  slope: readonly [number, number, number, number],
  h: Float64Array,
): void {
  const H = units
  const odd = count & 1
  const even = count - odd
  let sb = 0
  let tb = 0
  for (let s = 0; s < even; s += 2) {
    sb += g[s]
    tb += g[s + 1]
  }
  if (odd === 1) sb += g[even]
  grad[4 * H] += sb + tb
  if (kernel === PIECEWISE) piecewiseBackward(x, g, params, grad, H, count, slope[1])
  else smoothBackward(x, g, params, grad, H, count, slope, h)
}

/**
 * Two units (j, k) at a time, rows in pairs: lower-case sums take the even rows (and an odd last row),
 * upper-case sums the odd rows, as the general kernels' two partial sums. An odd last unit runs with k = j
 * and its second copy is not written.
 */
function piecewiseBackward(
  x: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  H: number,
  count: number,
  q: number,
): void {
  const leaky = q !== 0
  for (let j = 0; j < H; j += 2) {
    const pair = j + 1 < H
    const k = pair ? j + 1 : j
    const bj = params[2 * H + j]
    const uj = params[j]
    const wj = params[H + j]
    const vj = params[3 * H + j]
    const bk = params[2 * H + k]
    const uk = params[k]
    const wk = params[H + k]
    const vk = params[3 * H + k]
    let ja = 0
    let jb = 0
    let j0 = 0
    let j1 = 0
    let ka = 0
    let kb = 0
    let k0 = 0
    let k1 = 0
    let JA = 0
    let JB = 0
    let J0 = 0
    let J1 = 0
    let KA = 0
    let KB = 0
    let K0 = 0
    let K1 = 0
    for (let s = 0; s < count; s += 2) {
      const d = g[s]
      const x0 = x[2 * s]
      const x1 = x[2 * s + 1]
      let z = bj + x0 * uj + x1 * wj
      if (z > 0) {
        ja += z * d
        const e = d * vj
        jb += e
        j0 += x0 * e
        j1 += x1 * e
      } else if (leaky) {
        ja += q * z * d
        const e = d * vj * q
        jb += e
        j0 += x0 * e
        j1 += x1 * e
      }
      z = bk + x0 * uk + x1 * wk
      if (z > 0) {
        ka += z * d
        const e = d * vk
        kb += e
        k0 += x0 * e
        k1 += x1 * e
      } else if (leaky) {
        ka += q * z * d
        const e = d * vk * q
        kb += e
        k0 += x0 * e
        k1 += x1 * e
      }
      if (s + 1 === count) break
      const f = g[s + 1]
      const y0 = x[2 * s + 2]
      const y1 = x[2 * s + 3]
      z = bj + y0 * uj + y1 * wj
      if (z > 0) {
        JA += z * f
        const e = f * vj
        JB += e
        J0 += y0 * e
        J1 += y1 * e
      } else if (leaky) {
        JA += q * z * f
        const e = f * vj * q
        JB += e
        J0 += y0 * e
        J1 += y1 * e
      }
      z = bk + y0 * uk + y1 * wk
      if (z > 0) {
        KA += z * f
        const e = f * vk
        KB += e
        K0 += y0 * e
        K1 += y1 * e
      } else if (leaky) {
        KA += q * z * f
        const e = f * vk * q
        KB += e
        K0 += y0 * e
        K1 += y1 * e
      }
    }
    grad[j] += j0 + J0
    grad[H + j] += j1 + J1
    grad[2 * H + j] += jb + JB
    grad[3 * H + j] += ja + JA
    if (pair) {
      grad[k] += k0 + K0
      grad[H + k] += k1 + K1
      grad[2 * H + k] += kb + KB
      grad[3 * H + k] += ka + KA
    }
  }
}

/** The same sums for tanh and sigmoid, from the activations the forward pass stored (row-major h). */
function smoothBackward(
  x: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  H: number,
  count: number,
  slope: readonly [number, number, number, number],
  h: Float64Array,
): void {
  const p = slope[0]
  const q = slope[1]
  const c1 = slope[2]
  const c2 = slope[3]
  for (let j = 0; j < H; j++) {
    const v = params[3 * H + j]
    let ja = 0
    let jb = 0
    let j0 = 0
    let j1 = 0
    let JA = 0
    let JB = 0
    let J0 = 0
    let J1 = 0
    for (let s = 0; s < count; s += 2) {
      const d = g[s]
      const a = h[s * H + j]
      ja += a * d
      let e = d * v * ((a > 0 ? p : q) + a * (c1 + c2 * a))
      jb += e
      j0 += x[2 * s] * e
      j1 += x[2 * s + 1] * e
      if (s + 1 === count) break
      const f = g[s + 1]
      const b = h[(s + 1) * H + j]
      JA += b * f
      e = f * v * ((b > 0 ? p : q) + b * (c1 + c2 * b))
      JB += e
      J0 += x[2 * s + 2] * e
      J1 += x[2 * s + 3] * e
    }
    grad[j] += j0 + J0
    grad[H + j] += j1 + J1
    grad[2 * H + j] += jb + JB
    grad[3 * H + j] += ja + JA
  }
}
