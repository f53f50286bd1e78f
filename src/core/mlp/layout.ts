/**
 * Where each layer's parameters live in the one flat Float64Array. Layer l (0-based) holds, in this order,
 * its kernel W (inputs × units, row-major: W[i][j] at wOff + i·units + j), its biases b, and for a hidden layer
 * with batch norm its γ then β. This is the order of TF's `trainable_weights` (2-11-1: W1 22, b1 11, W2 11,
 * b2 1 = 45 parameters).
 */
export interface Layout {
  /** [2, h1, …, 1]. */
  sizes: readonly number[]
  /** Number of dense layers (sizes.length − 1); the last is the output layer. */
  layers: number
  wOff: Int32Array
  bOff: Int32Array
  /** −1 when the layer has no batch norm. */
  gammaOff: Int32Array
  betaOff: Int32Array
  /** Offset of each hidden layer's moving mean in the statistics vector (its variances follow it). */
  statsOff: Int32Array
  /** Total number of trainable parameters. */
  n: number
  /** Length of the moving-statistics vector (2 per batch-normed hidden unit). */
  statsLength: number
  /** Widest layer (input included). */
  maxWidth: number
  batchNorm: boolean
}

/** Computes the parameter layout of a [2, …, 1] network. Trusts its inputs (validated upstream). */
export function createLayout(sizes: readonly number[], batchNorm = false): Layout {
  const layers = sizes.length - 1
  const wOff = new Int32Array(layers)
  const bOff = new Int32Array(layers)
  const gammaOff = new Int32Array(layers).fill(-1)
  const betaOff = new Int32Array(layers).fill(-1)
  const statsOff = new Int32Array(layers).fill(-1)
  let n = 0
  let stats = 0
  for (let l = 0; l < layers; l++) {
    const nIn = sizes[l]
    const nOut = sizes[l + 1]
    wOff[l] = n
    n += nIn * nOut
    bOff[l] = n
    n += nOut
    if (batchNorm && l < layers - 1) {
      gammaOff[l] = n
      n += nOut
      betaOff[l] = n
      n += nOut
      statsOff[l] = stats
      stats += 2 * nOut
    }
  }
  return {
    sizes: sizes.slice(),
    layers,
    wOff,
    bOff,
    gammaOff,
    betaOff,
    statsOff,
    n,
    statsLength: stats,
    maxWidth: Math.max(...sizes),
    batchNorm,
  }
}

/**
 * A readable name for every flat parameter, in layout order, 1-based layer numbers as in the lecture and
 * 0-based indices as in `LayerWeights`: 'W1[0,3]' (input 0 → unit 3 of layer 1), 'b1[3]', 'γ1[3]', 'β1[3]'.
 */
export function parameterLabels(sizes: readonly number[], batchNorm = false): string[] {
  const layout = createLayout(sizes, batchNorm)
  const labels: string[] = []
  for (let l = 0; l < layout.layers; l++) {
    const nIn = sizes[l]
    const nOut = sizes[l + 1]
    for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) labels.push(`W${l + 1}[${i},${j}]`)
    for (let j = 0; j < nOut; j++) labels.push(`b${l + 1}[${j}]`)
    if (layout.gammaOff[l] >= 0) {
      for (let j = 0; j < nOut; j++) labels.push(`γ${l + 1}[${j}]`)
      for (let j = 0; j < nOut; j++) labels.push(`β${l + 1}[${j}]`)
    }
  }
  return labels
}
