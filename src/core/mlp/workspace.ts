import type { Rng } from '../math/rng'
import { createRng } from '../math/rng'
import type { Activation } from './activations/index'
import { activations } from './activations/index'
import type { Loss } from './losses/index'
import { losses } from './losses/index'
import type { HeadLoss } from './head'
import { headLoss } from './head'
import { resetStats } from './init'
import { WIDE_UNITS } from './reluWide'
import type { Layout } from './layout'
import type { ActivationKind, LossKind, OutputKind } from './types'

/**
 * Preallocated buffers for forward and backward passes over chunks of up to `cap` rows. Arrays that a
 * configuration does not need are empty rather than null, so every field keeps one type (monomorphic loops).
 */
export interface Workspace {
  layout: Layout
  cap: number
  activation: Activation
  loss: Loss
  sigmoidOutput: boolean
  /** True when the prediction is z itself (linear output with MSE); otherwise σ(z). */
  linearPrediction: boolean
  /** The loss and output as the fused kernels' code. */
  head: HeadLoss
  /** Dropout rate p; kept units are scaled by `keepScale` = 1/(1 − p). */
  dropout: number
  keepScale: number
  /** a[l]: the input of layer l (cap × sizes[l]); a[0] is the workspace's own feature buffer. */
  a: Float64Array[]
  /** Labels of the gathered rows. */
  target: Float64Array
  /** z[l]: pre-activation of a batch-normed layer (normalized in place) and of the output unit (z[L − 1]). */
  z: Float64Array[]
  /** h[l]: hidden layer l's activation output before dropout (the same array as a[l + 1] without dropout). */
  h: Float64Array[]
  /** Dropout multipliers 0 or 1/(1 − p), per hidden unit and row. */
  mask: Float64Array[]
  /** Batch norm's normalized z̃ = (z − μ)/√(σ² + ε) per row and unit, kept for backward. */
  xhat: Float64Array[]
  /** Batch norm's 1/√(σ² + ε) per unit (of the batch in training, of the moving variance in evaluation). */
  invStd: Float64Array[]
  /** Moving means and variances of the batch-normed layers (layout.statsOff). */
  stats: Float64Array
  /** Two gradient buffers (cap × maxWidth) used alternately going down the layers. */
  gradA: Float64Array
  gradB: Float64Array
  /** One-hidden-layer ReLU fast path: bit j of bits[s] says unit j was active on row s (forward → backward). */
  bits: Int32Array
  /** One chunk's [Σℓ, correct rows] (`evaluateChunk`). */
  chunkSums: Float64Array
  /** Seeded source of dropout masks. */
  rng: Rng
  /** Training forward keeps the current masks instead of drawing new ones (gradient checks). */
  freezeMask: boolean
  /** Training forward updates the batch-norm moving averages. */
  updateStats: boolean
  /**
   * One hidden layer without batch norm or dropout: the passes run the fused kernels of `shallow.ts`, which
   * write h[0] (row-major) only for smooth activations.
   */
  shallow: boolean
  /** `shallow` with ReLU units, at most WIDE_UNITS of them, and MSE on a linear output: `reluWide.ts`. */
  wide: boolean
}

/** What a workspace needs to know of the config. */
export interface WorkspaceOptions {
  activation: ActivationKind
  output: OutputKind
  loss: LossKind
  dropout?: number
  /** Seed of the dropout masks. */
  seed?: number
}

/** Allocates a workspace for chunks of up to `cap` rows (batch statistics start at μ̄ = 0, σ̄² = 1). */
export function createWorkspace(layout: Layout, cap: number, options: WorkspaceOptions): Workspace {
  const { sizes, layers } = layout
  const dropout = options.dropout ?? 0
  const empty = new Float64Array(0)
  const a: Float64Array[] = [new Float64Array(cap * sizes[0])]
  const z: Float64Array[] = []
  const h: Float64Array[] = []
  const mask: Float64Array[] = []
  const xhat: Float64Array[] = []
  const invStd: Float64Array[] = []
  for (let l = 0; l < layers; l++) {
    const width = sizes[l + 1]
    const hidden = l < layers - 1
    const bn = layout.gammaOff[l] >= 0
    z.push(bn || !hidden ? new Float64Array(cap * width) : empty)
    xhat.push(bn ? new Float64Array(cap * width) : empty)
    invStd.push(bn ? new Float64Array(width) : empty)
    if (!hidden) {
      h.push(empty)
      mask.push(empty)
      continue
    }
    const hl = new Float64Array(cap * width)
    h.push(hl)
    if (dropout > 0) {
      mask.push(new Float64Array(cap * width).fill(1))
      a.push(new Float64Array(cap * width))
    } else {
      mask.push(empty)
      a.push(hl)
    }
  }
  const stats = new Float64Array(layout.statsLength)
  resetStats(layout, stats)
  const shallow = layers === 2 && !layout.batchNorm && dropout === 0
  return {
    layout,
    cap,
    activation: activations[options.activation],
    loss: losses[options.loss],
    sigmoidOutput: options.output === 'sigmoid',
    linearPrediction: options.output === 'linear' && options.loss === 'mse',
    head: headLoss(options.loss, options.output),
    dropout,
    keepScale: 1 / (1 - dropout),
    a,
    target: new Float64Array(cap),
    z,
    h,
    mask,
    xhat,
    invStd,
    stats,
    gradA: new Float64Array(cap * layout.maxWidth),
    gradB: new Float64Array(cap * layout.maxWidth),
    bits: new Int32Array(shallow ? cap : 0),
    chunkSums: new Float64Array(2),
    rng: createRng(options.seed ?? 0),
    freezeMask: false,
    updateStats: true,
    shallow,
    wide:
      shallow &&
      options.activation === 'relu' &&
      options.loss === 'mse' &&
      options.output === 'linear' &&
      sizes[1] <= WIDE_UNITS,
  }
}
