/**
 * Early stopping on the validation data term, as Keras `EarlyStopping(patience, min_delta=0,
 * restore_best_weights=True)`: an epoch improves when its validation loss is below the best so far; after
 * `patience` epochs in a row without improvement training stops and the best epoch's weights (and batch-norm
 * statistics) are put back. Keras' val_loss would also include the penalty; here the monitored number is
 * the data term, the one the train/validation chart compares with the training data term.
 */
export interface EarlyStopping {
  /**
   * Records the validation loss after epoch `epoch` (1-based) for the live `params`/`stats`; returns true
   * when training must stop, having restored the best weights into them.
   */
  observe(epoch: number, valLoss: number, params: Float64Array, stats: Float64Array): boolean
  /** The 1-based epoch whose weights are (or would be) restored; 0 before any improvement. */
  readonly bestEpoch: number
}

export function createEarlyStopping(patience: number, nParams: number, nStats: number): EarlyStopping {
  const bestParams = new Float64Array(nParams)
  const bestStats = new Float64Array(nStats)
  let best = Infinity
  let bestEpoch = 0
  let wait = 0
  return {
    observe(epoch, valLoss, params, stats) {
      if (valLoss < best) {
        best = valLoss
        bestEpoch = epoch
        wait = 0
        bestParams.set(params)
        bestStats.set(stats)
        return false
      }
      if (++wait < patience || bestEpoch === 0) return false
      params.set(bestParams)
      stats.set(bestStats)
      return true
    },
    get bestEpoch() {
      return bestEpoch
    },
  }
}
