import { batchNormBackward, batchNormEvalForward, batchNormTrainForward } from './batchNorm'
import type { Slope } from './dense'
import { denseBackward, denseForward } from './dense'
import { reluWideEval, reluWideTrain } from './reluWide'
import type { ShallowMode } from './shallow'
import { EVAL, GRADIENT, PIECEWISE, Z, shallowBackward, shallowForward } from './shallow'
import type { Workspace } from './workspace'

/**
 * Forward pass over the `count` rows of `input` (count × 2 features, row-major; default: the workspace's
 * own buffer ws.a[0]). Hidden layer l: h = f(a·W + b), or with batch norm h = f(γ·(z − μ)/√(σ² + ε) + β);
 * training mode then applies dropout (fresh masks unless ws.freezeMask) and normalizes with the batch's own
 * statistics (moving the averages if ws.updateStats); evaluation mode uses the moving averages and no
 * dropout. The output unit's z = a·W + b ends in ws.z[L − 1]. One hidden layer without batch norm or
 * dropout (ws.shallow) runs the fused kernels of `shallow.ts`, which keep for the backward pass only the
 * ReLU activity bits (ws.bits) or, for tanh and sigmoid, h (ws.h[0]); the other buffers are not written.
 */
export function forwardChunk(
  ws: Workspace,
  params: Float64Array,
  count: number,
  train: boolean,
  input: Float64Array = ws.a[0],
): void {
  const { layout } = ws
  const { sizes, layers, wOff, bOff } = layout
  if (ws.shallow) {
    shallowPass(ws, params, count, input, Z, EMPTY, 0, ws.z[1])
    return
  }
  for (let l = 0; l < layers - 1; l++) {
    const nIn = sizes[l]
    const nOut = sizes[l + 1]
    const h = ws.h[l]
    const gammaOff = layout.gammaOff[l]
    const act = ws.activation
    const len = count * nOut
    if (gammaOff < 0) {
      denseForward(
        l === 0 ? input : ws.a[l],
        params,
        wOff[l],
        bOff[l],
        h,
        count,
        nIn,
        nOut,
        act.negativeSlope,
      )
    } else {
      const z = ws.z[l]
      denseForward(l === 0 ? input : ws.a[l], params, wOff[l], bOff[l], z, count, nIn, nOut, 1)
      const { betaOff, statsOff } = layout
      if (train) {
        batchNormTrainForward(
          z,
          ws.xhat[l],
          params,
          gammaOff,
          betaOff[l],
          ws.invStd[l],
          ws.stats,
          statsOff[l],
          ws.updateStats,
          count,
          nOut,
        )
      } else {
        batchNormEvalForward(
          z,
          ws.xhat[l],
          params,
          gammaOff,
          betaOff[l],
          ws.invStd[l],
          ws.stats,
          statsOff[l],
          count,
          nOut,
        )
      }
      const q = act.negativeSlope
      for (let k = 0; k < len; k++) {
        const v = z[k]
        h[k] = v > 0 ? v : q * v
      }
    }
    if (act.smooth) act.smooth(h, len)
    if (ws.dropout > 0) {
      const out = ws.a[l + 1]
      if (train) {
        const mask = ws.mask[l]
        if (!ws.freezeMask) {
          const { rng, dropout, keepScale } = ws
          for (let k = 0; k < len; k++) mask[k] = rng.next() < dropout ? 0 : keepScale
        }
        for (let k = 0; k < len; k++) out[k] = h[k] * mask[k]
      } else {
        for (let k = 0; k < len; k++) out[k] = h[k]
      }
    }
  }
  const last = layers - 1
  denseForward(ws.a[last], params, wOff[last], bOff[last], ws.z[last], count, sizes[last], 1, 1)
}

/**
 * Backward pass after `forwardChunk` with the same `train` flag and `input`. Expects ∂L/∂z of the output unit in
 * ws.gradA[0..count) and ADDS the parameter gradient into `grad` (so chunks of one batch accumulate).
 */
export function backwardChunk(
  ws: Workspace,
  params: Float64Array,
  grad: Float64Array,
  count: number,
  train: boolean,
  input: Float64Array = ws.a[0],
): void {
  const { layout } = ws
  const { sizes, layers } = layout
  if (ws.shallow) {
    const act = ws.activation
    shallowBackward(input, ws.gradA, ws.bits, params, grad, sizes[1], count, act.kernel, act.slope, ws.h[0])
    return
  }
  const dropout = train && ws.dropout > 0
  let g = ws.gradA
  let below = ws.gradB
  for (let l = layers - 1; l > 0; l--) {
    const nIn = sizes[l]
    const hidden = l - 1
    // Writes ∂L/∂(input of hidden layer's activation) into `below`: through W, dropout and f′ at once.
    denseBackward(
      ws.a[l],
      g,
      params,
      grad,
      layout.wOff[l],
      layout.bOff[l],
      count,
      nIn,
      sizes[l + 1],
      below,
      ws.h[hidden],
      ws.activation.slope,
      dropout ? ws.mask[hidden] : EMPTY,
    )
    const gammaOff = layout.gammaOff[hidden]
    if (gammaOff >= 0) {
      batchNormBackward(
        below,
        ws.xhat[hidden],
        params,
        grad,
        gammaOff,
        layout.betaOff[hidden],
        ws.invStd[hidden],
        train,
        count,
        nIn,
      )
    }
    const t = g
    g = below
    below = t
  }
  denseBackward(
    input,
    g,
    params,
    grad,
    layout.wOff[0],
    layout.bOff[0],
    count,
    sizes[0],
    sizes[1],
    null,
    EMPTY,
    IDENTITY_SLOPE,
    EMPTY,
  )
}

const EMPTY = new Float64Array(0)
const IDENTITY_SLOPE: Slope = [1, 1, 0, 0]

/** Copies rows order[start..start + count) of (x, y) into the workspace's input and target buffers. */
export function gatherRows(
  ws: Workspace,
  x: Float64Array,
  y: Float64Array,
  order: Int32Array,
  start: number,
  count: number,
): void {
  const input = ws.a[0]
  const target = ws.target
  for (let k = 0; k < count; k++) {
    const r = order[start + k]
    input[2 * k] = x[2 * r]
    input[2 * k + 1] = x[2 * r + 1]
    target[k] = y[r]
  }
}

/**
 * Training forward pass and loss gradient of one chunk: ws.gradA[s] = scale·∂ℓ/∂z for its rows (`target`
 * their labels; scale = 1/B for a batch of B rows), ready for `backwardChunk`.
 */
export function forwardGradientChunk(
  ws: Workspace,
  params: Float64Array,
  count: number,
  input: Float64Array,
  target: Float64Array,
  scale: number,
): void {
  if (ws.shallow) {
    shallowPass(ws, params, count, input, GRADIENT, target, scale, ws.gradA)
    return
  }
  forwardChunk(ws, params, count, true, input)
  ws.loss.gradient(ws.z[ws.layout.layers - 1], target, count, ws.sigmoidOutput, scale, ws.gradA)
}

/**
 * One chunk of a training batch: the gradient of scale·Σℓ over its rows — written into `grad` when `first`
 * (the batch's first chunk: `grad` need not be cleared), added to it otherwise. Returns true when it also
 * added the L2 penalty's gradient `l2`·w (the unrolled kernel does, on a first chunk; pass l2 = 0 for none):
 * the caller adds the penalty otherwise.
 */
export function trainChunk(
  ws: Workspace,
  params: Float64Array,
  grad: Float64Array,
  count: number,
  input: Float64Array,
  target: Float64Array,
  scale: number,
  first: boolean,
  l2: number,
): boolean {
  if (ws.wide && first) {
    reluWideTrain(input, target, params, grad, ws.layout.sizes[1], count, scale, l2)
    return true
  }
  if (first) grad.fill(0)
  forwardGradientChunk(ws, params, count, input, target, scale)
  backwardChunk(ws, params, grad, count, true, input)
  return false
}

/**
 * Evaluation-mode pass over one chunk: out[0] = Σℓ over its rows (in row order), out[1] = number of rows whose
 * prediction falls on the label's side of 0.5 (the number `predict` returns, so accuracy and the drawn 0.5
 * boundary always agree).
 */
export function evaluateChunk(
  ws: Workspace,
  params: Float64Array,
  count: number,
  input: Float64Array,
  target: Float64Array,
  out: Float64Array,
): void {
  if (ws.wide) {
    reluWideEval(input, target, params, ws.layout.sizes[1], count, out)
    return
  }
  if (ws.shallow) {
    shallowPass(ws, params, count, input, EVAL, target, 0, out)
    return
  }
  const zOut = ws.z[ws.layout.layers - 1]
  forwardChunk(ws, params, count, false, input)
  out[0] = ws.loss.sum(zOut, target, count, ws.sigmoidOutput)
  let correct = 0
  for (let k = 0; k < count; k++) {
    const p = ws.linearPrediction ? zOut[k] : 1 / (1 + Math.exp(-zOut[k]))
    if (p > 0.5 === target[k] > 0.5) correct++
  }
  out[1] = correct
}

function shallowPass(
  ws: Workspace,
  params: Float64Array,
  count: number,
  input: Float64Array,
  mode: ShallowMode,
  target: Float64Array,
  scale: number,
  out: Float64Array,
): void {
  // Smooth activations keep h for a backward pass (cheap next to their tanh/exp; evaluation-mode gradients,
  // as the objective's, need it too).
  const act = ws.activation
  const h = act.kernel === PIECEWISE ? EMPTY : ws.h[0]
  const units = ws.layout.sizes[1]
  shallowForward(
    input,
    params,
    units,
    count,
    act.kernel,
    act.negativeSlope,
    h,
    ws.bits,
    mode,
    ws.head,
    target,
    scale,
    out,
  )
}
