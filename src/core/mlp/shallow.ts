/**
 * The one-hidden-layer fast path (2 → H → 1, no batch norm, no dropout), the shape of the course's lab. The
 * flat parameters are W₁ (2 × H) at 0, b₁ at 2H, W₂ (H × 1) at 3H and b₂ at 4H (`layout.ts`); the formulas are
 * those of the general kernels (`dense.ts`, `passes.ts`). The course's own configuration (ReLU, MSE on a
 * linear output, at most 12 units) trains and evaluates in the unrolled `reluWide.ts` instead; these kernels
 * serve every other one-layer net, and the objective (`objective.ts`) of all of them.
 *
 * Why these shapes (measured in Node 20, bench/classifier.bench.ts): in V8 every typed-array access costs a
 * map check, a bounds check and base-pointer loads, a few times the cost of the arithmetic, and on a busy
 * machine floating-point throughput is the other limit; so the loops keep values in locals, touch arrays as
 * rarely as possible and skip work that adds only zeros.
 * - Forward: four rows at once (each weight loaded once serves four rows), the output unit fused in (no
 *   hidden activation is written for the output layer to read back), and the loss of each row handled
 *   inline (`ShallowMode`): the gradient ∂L/∂z for training, or the loss and accuracy sums for evaluation.
 *   It rounds exactly as the general path.
 * - Backward of ReLU, factored: with m[s, j] = [z[s, j] > 0] (one bit per unit in an Int32 per row, written
 *   by the forward pass) and the row sums B_j = Σ_s m·g, C_j = Σ_s m·g·x₀, D_j = Σ_s m·g·x₁ (three additions
 *   per active unit and row, no multiplication): ∂b₁[j] = W₂[j]·B_j, ∂W₁[0, j] = W₂[j]·C_j, ∂W₁[1, j] =
 *   W₂[j]·D_j and, since h = z = b₁ + x₀W₁[0] + x₁W₁[1] where m = 1, ∂W₂[j] = Σ m·h·g = b₁[j]·B_j +
 *   W₁[0, j]·C_j + W₁[1, j]·D_j. The same sums as the general path, reassociated: equal up to rounding
 *   (≈ 1e−16 relative per step).
 * - Backward of the other activations, one unit at a time, rounds exactly as the general path: leaky ReLU
 *   and linear recompute z from the two features; tanh and sigmoid read the h their forward pass stored
 *   (recomputing tanh or exp would cost more).
 */

import type { ActivationKernel } from './activations/index'
import type { HeadLoss } from './head'
import { MSE_LINEAR, rowCorrect, rowGradient, rowTerm } from './head'

/** Activation codes of the fast kernels: f(z) = z for z > 0 and q·z otherwise, tanh z, or σ(z). */
export const PIECEWISE: ActivationKernel = 0
export const TANH: ActivationKernel = 1
export const SIGMOID: ActivationKernel = 2

/** What `shallowForward` does with each row's output z (`out` holds the result). */
export type ShallowMode = 0 | 1 | 2
/** out[s] = z. */
export const Z: ShallowMode = 0
/** out[s] = scale·∂ℓ/∂z, the input of `shallowBackward`. */
export const GRADIENT: ShallowMode = 1
/** out[0] = Σ_s ℓ (in row order), out[1] = number of rows predicted on the label's side of 0.5. */
export const EVAL: ShallowMode = 2

/**
 * Forward pass over `count` rows of x (count × 2, row-major): the output pre-activation z[s] = b₂ + Σ_j W₂[j]·
 * f(b₁[j] + x[s, 0]·W₁[0, j] + x[s, 1]·W₁[1, j]), summed over j in order, handled per `mode` with the loss
 * `head` and labels y. For the backward pass, a ReLU network writes bits[s] (bit j set when unit j is
 * active; not in EVAL mode) and a smooth activation hOut[s·H + j] = f(…) when `hOut` is non-empty.
 */
export function shallowForward(
  x: Float64Array,
  params: Float64Array,
  units: number,
  count: number,
  kernel: ActivationKernel,
  q: number,
  hOut: Float64Array,
  bits: Int32Array,
  mode: ShallowMode,
  head: HeadLoss,
  y: Float64Array,
  scale: number,
  out: Float64Array,
): void {
  const H = units
  const w1 = H
  const bo = 2 * H
  const vo = 3 * H
  const c = params[4 * H]
  const store = hOut.length > 0
  const relu = kernel === PIECEWISE && q === 0
  let loss = 0
  let correct = 0
  // A short last block repeats its last row (written again with the same value, counted once).
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
    if (relu) {
      // An inactive ReLU unit adds (0·z)·W₂ = ±0, which leaves the sum as it is: skipped.
      let m0 = 0
      let m1 = 0
      let m2 = 0
      let m3 = 0
      for (let j = 0, bit = 1; j < H; j++, bit <<= 1) {
        const b = params[bo + j]
        const u = params[j]
        const w = params[w1 + j]
        const v = params[vo + j]
        const z0 = b + a0 * u + a1 * w
        const z1 = b + b0 * u + b1 * w
        const z2 = b + c0 * u + c1 * w
        const z3 = b + d0 * u + d1 * w
        if (z0 > 0) {
          o0 += z0 * v
          m0 |= bit
        }
        if (z1 > 0) {
          o1 += z1 * v
          m1 |= bit
        }
        if (z2 > 0) {
          o2 += z2 * v
          m2 |= bit
        }
        if (z3 > 0) {
          o3 += z3 * v
          m3 |= bit
        }
      }
      if (mode !== EVAL) {
        bits[s] = m0
        bits[s1] = m1
        bits[s2] = m2
        bits[s3] = m3
      }
    } else if (kernel === PIECEWISE) {
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
    if (mode === Z) {
      out[s] = o0
      out[s1] = o1
      out[s2] = o2
      out[s3] = o3
    } else if (mode === GRADIENT) {
      if (head === MSE_LINEAR) {
        // mseGradient inline (the course's loss): no call per row.
        out[s] = 2 * scale * (o0 - y[s])
        out[s1] = 2 * scale * (o1 - y[s1])
        out[s2] = 2 * scale * (o2 - y[s2])
        out[s3] = 2 * scale * (o3 - y[s3])
      } else {
        out[s] = rowGradient(head, o0, y[s], scale)
        out[s1] = rowGradient(head, o1, y[s1], scale)
        out[s2] = rowGradient(head, o2, y[s2], scale)
        out[s3] = rowGradient(head, o3, y[s3], scale)
      }
    } else if (head === MSE_LINEAR) {
      // mseTerm and rowCorrect inline (prediction = z): no call per row.
      let t = y[s]
      let e = o0 - t
      loss += e * e
      if (o0 > 0.5 === t > 0.5) correct++
      if (s + 1 > last) break
      t = y[s1]
      e = o1 - t
      loss += e * e
      if (o1 > 0.5 === t > 0.5) correct++
      if (s + 2 > last) break
      t = y[s2]
      e = o2 - t
      loss += e * e
      if (o2 > 0.5 === t > 0.5) correct++
      if (s + 3 > last) break
      t = y[s3]
      e = o3 - t
      loss += e * e
      if (o3 > 0.5 === t > 0.5) correct++
    } else {
      loss += rowTerm(head, o0, y[s])
      correct += rowCorrect(head, o0, y[s])
      if (s + 1 > last) break
      loss += rowTerm(head, o1, y[s1])
      correct += rowCorrect(head, o1, y[s1])
      if (s + 2 > last) break
      loss += rowTerm(head, o2, y[s2])
      correct += rowCorrect(head, o2, y[s2])
      if (s + 3 > last) break
      loss += rowTerm(head, o3, y[s3])
      correct += rowCorrect(head, o3, y[s3])
    }
  }
  if (mode === EVAL) {
    out[0] = loss
    out[1] = correct
  }
}

/**
 * Backward after `shallowForward` on the same rows, given g[s] = ∂L/∂z of the output unit. ADDS to `grad`:
 * ∂L/∂b₂ = Σ_s g[s], ∂L/∂W₂[j] = Σ_s h[s, j]·g[s], and with e[s, j] = g[s]·W₂[j]·f′ (f′ = [z > 0] + q·[z ≤ 0]
 * for PIECEWISE, else (h > 0 ? p : q) + h·(c₁ + c₂·h) from `slope` = [p, q, c₁, c₂] and the stored h):
 * ∂L/∂b₁[j] = Σ_s e[s, j], ∂L/∂W₁[i, j] = Σ_s x[s, i]·e[s, j]. ReLU uses the activity `bits` (see the file's
 * notes); the other activations sum over the even rows (and an odd last row) and the odd rows separately,
 * then add the two, as the general kernels do.
 */
export function shallowBackward(
  x: Float64Array,
  g: Float64Array,
  bits: Int32Array,
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
  if (kernel === PIECEWISE && slope[1] === 0) {
    for (let j = 0; j < H; j += 4) reluBackward(x, g, bits, params, grad, H, j, Math.min(4, H - j), count)
  } else {
    for (let j = 0; j < H; j++) unitBackward(x, g, params, grad, H, j, count, kernel, slope, h)
  }
}

/** ReLU units j … j + units − 1 (up to four) from the activity bits: the factored sums B, C, D. */
function reluBackward(
  x: Float64Array,
  g: Float64Array,
  bits: Int32Array,
  params: Float64Array,
  grad: Float64Array,
  H: number,
  j: number,
  units: number,
  count: number,
): void {
  // Masks of units past the end are 0: never active.
  const k0 = 1 << j
  const k1 = units > 1 ? k0 << 1 : 0
  const k2 = units > 2 ? k0 << 2 : 0
  const k3 = units > 3 ? k0 << 3 : 0
  const any = k0 | k1 | k2 | k3
  let B0 = 0
  let B1 = 0
  let B2 = 0
  let B3 = 0
  let C0 = 0
  let C1 = 0
  let C2 = 0
  let C3 = 0
  let D0 = 0
  let D1 = 0
  let D2 = 0
  let D3 = 0
  for (let s = 0; s < count; s++) {
    const m = bits[s]
    if ((m & any) === 0) continue
    const r = g[s]
    const p = r * x[2 * s]
    const q = r * x[2 * s + 1]
    if ((m & k0) !== 0) {
      B0 += r
      C0 += p
      D0 += q
    }
    if ((m & k1) !== 0) {
      B1 += r
      C1 += p
      D1 += q
    }
    if ((m & k2) !== 0) {
      B2 += r
      C2 += p
      D2 += q
    }
    if ((m & k3) !== 0) {
      B3 += r
      C3 += p
      D3 += q
    }
  }
  addUnit(params, grad, H, j, B0, C0, D0)
  if (units > 1) addUnit(params, grad, H, j + 1, B1, C1, D1)
  if (units > 2) addUnit(params, grad, H, j + 2, B2, C2, D2)
  if (units > 3) addUnit(params, grad, H, j + 3, B3, C3, D3)
}

/** Adds ReLU unit j's gradient from its sums B = Σ m·g, C = Σ m·g·x₀, D = Σ m·g·x₁. */
function addUnit(
  params: Float64Array,
  grad: Float64Array,
  H: number,
  j: number,
  B: number,
  C: number,
  D: number,
): void {
  const v = params[3 * H + j]
  grad[j] += v * C
  grad[H + j] += v * D
  grad[2 * H + j] += v * B
  grad[3 * H + j] += params[2 * H + j] * B + params[j] * C + params[H + j] * D
}

/** One unit of any activation but ReLU: leaky ReLU and linear recompute z, tanh and sigmoid read the stored h. */
function unitBackward(
  x: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  H: number,
  j: number,
  count: number,
  kernel: ActivationKernel,
  slope: readonly [number, number, number, number],
  h: Float64Array,
): void {
  const p = slope[0]
  const q = slope[1]
  const c1 = slope[2]
  const c2 = slope[3]
  const b = params[2 * H + j]
  const u = params[j]
  const w = params[H + j]
  const v = params[3 * H + j]
  const piecewise = kernel === PIECEWISE
  // Even rows (and an odd last row) in a, e, c, d; odd rows in A, E, C, D.
  let a = 0
  let e = 0
  let c = 0
  let d = 0
  let A = 0
  let E = 0
  let C = 0
  let D = 0
  for (let s = 0, k = j; s < count; s++, k += H) {
    const r = g[s]
    const x0 = x[2 * s]
    const x1 = x[2 * s + 1]
    let y: number
    let t: number
    if (piecewise) {
      const z = b + x0 * u + x1 * w
      if (z > 0) {
        y = z
        t = r * v
      } else {
        // f′ = q (p = 1, c₁ = c₂ = 0 for leaky ReLU and linear; ReLU runs reluBackward).
        y = q * z
        t = r * v * q
      }
    } else {
      y = h[k]
      t = r * v * ((y > 0 ? p : q) + y * (c1 + c2 * y))
    }
    if ((s & 1) === 0) {
      a += y * r
      e += t
      c += x0 * t
      d += x1 * t
    } else {
      A += y * r
      E += t
      C += x0 * t
      D += x1 * t
    }
  }
  grad[j] += c + C
  grad[H + j] += d + D
  grad[2 * H + j] += e + E
  grad[3 * H + j] += a + A
}
