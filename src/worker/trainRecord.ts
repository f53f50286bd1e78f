import { createTrainer } from '../core/mlp/trainer'
import type { ClassifierConfig, Dataset, LayerWeights } from '../core/mlp/types'
import type { Extent } from '../core/types'

/**
 * Most parameter values one run's record keeps (2²¹ doubles ≈ 16 MiB). The course's 2-11-1 net has 45
 * parameters, so all its 801 epochs fit 58 times over; a 2-32-32-32-1 net over 100,000 epochs does not, and
 * its record thins to every 2nd, 4th, … epoch.
 */
export const RECORD_BUDGET = 2 ** 21

/**
 * The weights of one run after every `stride`-th epoch (epoch 0 = the initial weights), so the lab can show
 * the decision boundary of any recorded epoch again without retraining (the epoch scrubber). Memory stays
 * under RECORD_BUDGET numbers: when the next snapshot would exceed it, the stride doubles and every other
 * snapshot is dropped, so the recorded epochs are always the multiples of `stride`.
 */
export interface TrainRecord {
  /** Recorded epochs are the multiples of this power of two. */
  readonly stride: number
  /** Keeps the weights after `epoch` when `epoch` is a multiple of the stride. */
  record(epoch: number, weights: () => LayerWeights[]): void
  /** The latest recorded epoch ≤ `epoch` (0 at least). */
  snap(epoch: number): number
  /**
   * The network output on the grid with the weights recorded after epoch `snap(epoch)`, exactly what the
   * live trainer's `predictGrid` gave at that epoch (same weights, same forward pass).
   */
  grid(epoch: number, extent: Extent, nx: number, ny: number): Float64Array
  /** Σw² over the weight matrices (not biases) recorded after epoch `snap(epoch)`. */
  weightsSquared(epoch: number): number
  /** The recorded epochs ≤ `upTo`, ascending, with their weights (shared, not copied: do not modify). */
  path(upTo: number): { epochs: number[]; weights: LayerWeights[][] }
}

export function createTrainRecord(
  config: ClassifierConfig,
  dataset: Dataset,
  budget = RECORD_BUDGET,
): TrainRecord {
  const snaps = new Map<number, LayerWeights[]>()
  let stride = 1
  let size = 0
  let perSnap = 0
  // The last snapshot turned into a trainer, reused while replay or the scrubber stays on it.
  let viewer: { epoch: number; predictGrid: (e: Extent, nx: number, ny: number) => Float64Array } | null =
    null

  const snap = (epoch: number): number => {
    let e = Math.max(0, Math.floor(epoch / stride) * stride)
    while (e > 0 && !snaps.has(e)) e -= stride
    return e
  }

  return {
    get stride() {
      return stride
    },
    record(epoch, weights) {
      if (epoch % stride !== 0) return
      const w = weights()
      perSnap ||= countOf(w)
      while (size + perSnap > budget && stride < 2 ** 30) {
        stride *= 2
        for (const e of [...snaps.keys()])
          if (e % stride !== 0) {
            snaps.delete(e)
            size -= perSnap
          }
        if (epoch % stride !== 0) return
      }
      if (!snaps.has(epoch)) size += perSnap
      snaps.set(epoch, w)
    },
    snap,
    grid(epoch, extent, nx, ny) {
      const e = snap(epoch)
      if (viewer === null || viewer.epoch !== e) {
        const weights = snaps.get(e)
        if (weights === undefined) throw new Error(`no weights recorded at epoch ${e}`)
        // Validated when the session was built; only the initial weights differ.
        const trainer = createTrainer({ ...config, init: { kind: 'explicit', weights } }, dataset)
        viewer = { epoch: e, predictGrid: (ex, x, y) => trainer.predictGrid(ex, x, y) }
      }
      return viewer.predictGrid(extent, nx, ny)
    },
    weightsSquared(epoch) {
      return sumSquaredWeights(snaps.get(snap(epoch)) ?? [])
    },
    path(upTo) {
      const epochs = [...snaps.keys()].filter((e) => e <= upTo).sort((x, y) => x - y)
      return { epochs, weights: epochs.map((e) => snaps.get(e)!) }
    },
  }
}

/** Σw² over every layer's weight matrix W (biases and batch-norm parameters excluded), as the L2 penalty. */
export function sumSquaredWeights(layers: readonly LayerWeights[]): number {
  let s = 0
  for (const { W } of layers) for (const row of W) for (const w of row) s += w * w
  return s
}

function countOf(layers: readonly LayerWeights[]): number {
  let n = 0
  for (const l of layers) {
    n += l.W.length * (l.W[0]?.length ?? 0) + l.b.length
    n += (l.gamma?.length ?? 0) + (l.beta?.length ?? 0)
    n += (l.movingMean?.length ?? 0) + (l.movingVariance?.length ?? 0)
  }
  return n
}

/**
 * The steepest slope of the network output over the grid, max ‖∇f‖ estimated by forward differences between
 * neighbouring nodes: √((Δ_x f / Δx)² + (Δ_y f / Δy)²) per cell. Units: output per input unit. A smooth
 * (regularized) function has a smaller one.
 */
export function steepestSlope(grid: Float64Array, nx: number, ny: number, extent: Extent): number {
  const dx = nx > 1 ? (extent.x[1] - extent.x[0]) / (nx - 1) : 1
  const dy = ny > 1 ? (extent.y[1] - extent.y[0]) / (ny - 1) : 1
  let best = 0
  for (let r = 0; r + 1 < ny; r++)
    for (let c = 0; c + 1 < nx; c++) {
      const f = grid[r * nx + c]
      const gx = (grid[r * nx + c + 1] - f) / dx
      const gy = (grid[(r + 1) * nx + c] - f) / dy
      const g = Math.hypot(gx, gy)
      if (g > best) best = g
    }
  return best
}
