import type { RowChunks } from '../mlp/chunks'
import { chunkRows } from '../mlp/chunks'
import { evaluateRows } from '../mlp/evaluate'
import type { Layout } from '../mlp/layout'
import { createLayout } from '../mlp/layout'
import { penaltyValue } from '../mlp/penalty'
import type { ClassifierConfig, Dataset } from '../mlp/types'
import type { Workspace } from '../mlp/workspace'
import { createWorkspace } from '../mlp/workspace'

/** Rows per evaluation chunk (the trainer's own chunk size: buffers stay in cache). */
const CHUNK_ROWS = 256

/**
 * The loss of one network at many weight vectors: the trainer's own evaluation kernels (`evaluateRows`, with
 * the unrolled ReLU fast path of the course's 2-11-1 net) over flat typed arrays, every row of the data set,
 * evaluation mode (no dropout; batch norm on the moving statistics in `stats`). Nothing allocates per call.
 */
export interface NetEvaluator {
  layout: Layout
  /** Moving statistics the batch-normed layers use (write into it to change them). */
  stats: Float64Array
  /**
   * Writes [loss, dataLoss, accuracy] at the flat parameters `theta` into out: dataLoss = (1/N)Σℓ over all N
   * rows, loss = dataLoss + the config's penalty (`penaltyValue`, as `final.loss`), accuracy = the fraction of
   * rows whose prediction is on the label's side of 0.5.
   */
  evaluate(theta: Float64Array, out: Float64Array): void
}

/** An evaluator for `config` (validated upstream) on every row of `dataset`. */
export function createNetEvaluator(config: ClassifierConfig, dataset: Dataset): NetEvaluator {
  const layout = createLayout(config.layers, config.batchNorm ?? false)
  const cap = Math.min(dataset.n, CHUNK_ROWS)
  const ws: Workspace = createWorkspace(layout, cap, {
    activation: config.activation,
    output: config.output,
    loss: config.loss,
  })
  const chunks: RowChunks = chunkRows(dataset.x, dataset.y, 0, dataset.n, cap)
  const sums = new Float64Array(2)
  const reg = config.regularization
  const n = dataset.n
  return {
    layout,
    stats: ws.stats,
    evaluate(theta, out) {
      evaluateRows(ws, theta, chunks, sums)
      const dataLoss = sums[0] / n
      out[0] = dataLoss + penaltyValue(reg, theta, layout)
      out[1] = dataLoss
      out[2] = sums[1] / n
    },
  }
}
