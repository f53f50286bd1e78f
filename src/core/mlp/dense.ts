/**
 * Dense-layer kernels over a chunk of `count` rows. Layouts: a is count × nIn, h and g are count × nOut, W (in
 * the flat parameter vector at wOff) is nIn × nOut row-major, b at bOff.
 *
 * Speed notes (they decide the shape of these loops): rows go through in pairs, so every weight loaded serves
 * two rows and two independent sums hide the floating-point add latency; sums over rows stay in registers
 * and touch `grad` once per chunk; the first layer (always the 2 features) and the output layer (always 1
 * unit) get their own loops; the activation enters only through loop-invariant coefficients (see
 * `Activation`), so one loop serves every activation. In forward loops an odd last row is simply computed
 * twice (t = s); reductions handle it in a tail instead.
 */

/**
 * h[s, j] = v > 0 ? v : q·v with v = b[j] + Σ_i a[s, i]·W[i, j]: the piecewise-linear part of the activation
 * (q = `negativeSlope`; q = 1 gives the plain pre-activation z, as the output layer and batch norm need).
 */
export function denseForward(
  a: Float64Array,
  params: Float64Array,
  wOff: number,
  bOff: number,
  h: Float64Array,
  count: number,
  nIn: number,
  nOut: number,
  q: number,
): void {
  if (nIn === 2) forwardFromFeatures(a, params, wOff, bOff, h, count, nOut, q)
  else forwardGeneral(a, params, wOff, bOff, h, count, nIn, nOut, q)
}

function forwardFromFeatures(
  a: Float64Array,
  params: Float64Array,
  wOff: number,
  bOff: number,
  h: Float64Array,
  count: number,
  nOut: number,
  q: number,
): void {
  const w1 = wOff + nOut
  for (let s = 0; s < count; s += 2) {
    const t = s + 1 < count ? s + 1 : s
    const x1 = a[2 * s]
    const x2 = a[2 * s + 1]
    const y1 = a[2 * t]
    const y2 = a[2 * t + 1]
    const hs = s * nOut
    const ht = t * nOut
    for (let j = 0; j < nOut; j++) {
      const b = params[bOff + j]
      const u = params[wOff + j]
      const w = params[w1 + j]
      const v = b + x1 * u + x2 * w
      const r = b + y1 * u + y2 * w
      h[hs + j] = v > 0 ? v : q * v
      h[ht + j] = r > 0 ? r : q * r
    }
  }
}

function forwardGeneral(
  a: Float64Array,
  params: Float64Array,
  wOff: number,
  bOff: number,
  h: Float64Array,
  count: number,
  nIn: number,
  nOut: number,
  q: number,
): void {
  for (let s = 0; s < count; s += 2) {
    const t = s + 1 < count ? s + 1 : s
    const as = s * nIn
    const at = t * nIn
    for (let j = 0; j < nOut; j++) {
      let v = params[bOff + j]
      let r = v
      for (let i = 0, w = wOff + j; i < nIn; i++, w += nOut) {
        const wv = params[w]
        v += a[as + i] * wv
        r += a[at + i] * wv
      }
      h[s * nOut + j] = v > 0 ? v : q * v
      h[t * nOut + j] = r > 0 ? r : q * r
    }
  }
}

/**
 * Backward through one dense layer, given g = ∂L/∂z (count × nOut). Adds ∂L/∂W[i, j] = Σ_s a[s, i]·g[s, j]
 * and ∂L/∂b[j] = Σ_s g[s, j] to `grad`. When `da` is given (every layer but the first), also writes the
 * gradient at the activation input of the layer below, da[s, i] = (Σ_j g[s, j]·W[i, j])·m[s, i]·f′, with
 * f′ = (h > 0 ? p : q) + h·(c₁ + c₂·h) from that layer's output h (before dropout), `slope` = [p, q, c₁, c₂],
 * and m the dropout multipliers (none when `mask` is empty).
 */
export function denseBackward(
  a: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  wOff: number,
  bOff: number,
  count: number,
  nIn: number,
  nOut: number,
  da: Float64Array | null,
  h: Float64Array,
  slope: Slope,
  mask: Float64Array,
): void {
  if (da === null && nIn === 2) {
    backwardToFeatures(a, g, grad, wOff, bOff, count, nOut)
    return
  }
  if (da !== null && nOut === 1) backwardFromOutput(a, g, params, grad, wOff, bOff, count, nIn, da, h, slope)
  else backwardGeneral(a, g, params, grad, wOff, bOff, count, nIn, nOut, da, h, slope)
  if (da !== null && mask.length > 0) for (let k = 0, end = count * nIn; k < end; k++) da[k] *= mask[k]
}

/** [p, q, c₁, c₂] of f′ = (h > 0 ? p : q) + h·(c₁ + c₂·h). */
export type Slope = readonly [number, number, number, number]

/** The first layer: inputs are the two features, and nothing below needs a gradient. */
function backwardToFeatures(
  a: Float64Array,
  g: Float64Array,
  grad: Float64Array,
  wOff: number,
  bOff: number,
  count: number,
  nOut: number,
): void {
  const odd = count % 2 === 1
  const even = count - (odd ? 1 : 0)
  const w1 = wOff + nOut
  for (let j = 0; j < nOut; j++) {
    let sb = 0
    let s0 = 0
    let s1 = 0
    let tb = 0
    let t0 = 0
    let t1 = 0
    for (let s = 0, gi = j; s < even; s += 2, gi += 2 * nOut) {
      const gs = g[gi]
      const gt = g[gi + nOut]
      sb += gs
      s0 += a[2 * s] * gs
      s1 += a[2 * s + 1] * gs
      tb += gt
      t0 += a[2 * s + 2] * gt
      t1 += a[2 * s + 3] * gt
    }
    if (odd) {
      const gs = g[even * nOut + j]
      sb += gs
      s0 += a[2 * even] * gs
      s1 += a[2 * even + 1] * gs
    }
    grad[bOff + j] += sb + tb
    grad[wOff + j] += s0 + t0
    grad[w1 + j] += s1 + t1
  }
}

/** The output layer (one unit): g has one entry per row. */
function backwardFromOutput(
  a: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  wOff: number,
  bOff: number,
  count: number,
  nIn: number,
  da: Float64Array,
  h: Float64Array,
  slope: Slope,
): void {
  const odd = count % 2 === 1
  const even = count - (odd ? 1 : 0)
  const p = slope[0]
  const q = slope[1]
  const c1 = slope[2]
  const c2 = slope[3]
  let sb = 0
  let tb = 0
  for (let s = 0; s < even; s += 2) {
    sb += g[s]
    tb += g[s + 1]
  }
  if (odd) sb += g[even]
  grad[bOff] += sb + tb
  for (let i = 0; i < nIn; i++) {
    const w = params[wOff + i]
    let sum = 0
    let tum = 0
    for (let s = 0; s < even; s += 2) {
      const ks = s * nIn + i
      const kt = ks + nIn
      const gs = g[s]
      const gt = g[s + 1]
      const hs = h[ks]
      const ht = h[kt]
      sum += a[ks] * gs
      tum += a[kt] * gt
      da[ks] = gs * w * ((hs > 0 ? p : q) + hs * (c1 + c2 * hs))
      da[kt] = gt * w * ((ht > 0 ? p : q) + ht * (c1 + c2 * ht))
    }
    if (odd) {
      const k = even * nIn + i
      const gs = g[even]
      const hs = h[k]
      sum += a[k] * gs
      da[k] = gs * w * ((hs > 0 ? p : q) + hs * (c1 + c2 * hs))
    }
    grad[wOff + i] += sum + tum
  }
}

/** Any other layer (hidden to hidden). */
function backwardGeneral(
  a: Float64Array,
  g: Float64Array,
  params: Float64Array,
  grad: Float64Array,
  wOff: number,
  bOff: number,
  count: number,
  nIn: number,
  nOut: number,
  da: Float64Array | null,
  h: Float64Array,
  slope: Slope,
): void {
  const odd = count % 2 === 1
  const even = count - (odd ? 1 : 0)
  for (let j = 0; j < nOut; j++) {
    let sb = 0
    let tb = 0
    for (let gi = j, end = even * nOut; gi < end; gi += 2 * nOut) {
      sb += g[gi]
      tb += g[gi + nOut]
    }
    if (odd) sb += g[even * nOut + j]
    grad[bOff + j] += sb + tb
  }
  for (let i = 0; i < nIn; i++) {
    for (let j = 0; j < nOut; j++) {
      let sum = 0
      let tum = 0
      for (let s = 0; s < even; s += 2) {
        sum += a[s * nIn + i] * g[s * nOut + j]
        tum += a[(s + 1) * nIn + i] * g[(s + 1) * nOut + j]
      }
      if (odd) sum += a[even * nIn + i] * g[even * nOut + j]
      grad[wOff + i * nOut + j] += sum + tum
    }
  }
  if (da === null) return
  const p = slope[0]
  const q = slope[1]
  const c1 = slope[2]
  const c2 = slope[3]
  for (let s = 0; s < count; s += 2) {
    const t = s + 1 < count ? s + 1 : s
    const gs = s * nOut
    const gt = t * nOut
    for (let i = 0; i < nIn; i++) {
      const wRow = wOff + i * nOut
      let v = 0
      let r = 0
      for (let j = 0; j < nOut; j++) {
        const w = params[wRow + j]
        v += g[gs + j] * w
        r += g[gt + j] * w
      }
      const ks = s * nIn + i
      const kt = t * nIn + i
      const hs = h[ks]
      const ht = h[kt]
      da[kt] = r * ((ht > 0 ? p : q) + ht * (c1 + c2 * ht))
      da[ks] = v * ((hs > 0 ? p : q) + hs * (c1 + c2 * hs))
    }
  }
}
