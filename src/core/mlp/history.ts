import type { TrainHistory } from './types'

/** Per-epoch curves preallocated for a whole run, so recording an epoch allocates nothing. */
export interface HistoryBuffer {
  /** Writes epoch e's (0-based) training metrics and η. */
  record(e: number, dataLoss: number, loss: number, accuracy: number, lr: number): void
  /** Writes epoch e's validation metrics. */
  recordValidation(e: number, valLoss: number, valAccuracy: number): void
  /** Views of the first `epochs` entries (live: copy before transferring the buffers). */
  view(epochs: number): TrainHistory
  /** Copies of the first `epochs` entries. */
  copy(epochs: number): TrainHistory
}

export function createHistory(capacity: number, validation: boolean): HistoryBuffer {
  const dataLoss = new Float64Array(capacity)
  const loss = new Float64Array(capacity)
  const accuracy = new Float64Array(capacity)
  const lr = new Float64Array(capacity)
  const valLoss = new Float64Array(validation ? capacity : 0)
  const valAccuracy = new Float64Array(validation ? capacity : 0)
  const view = (epochs: number): TrainHistory => {
    const h: TrainHistory = {
      epochs,
      dataLoss: dataLoss.subarray(0, epochs),
      loss: loss.subarray(0, epochs),
      accuracy: accuracy.subarray(0, epochs),
      lr: lr.subarray(0, epochs),
    }
    if (validation) {
      h.valLoss = valLoss.subarray(0, epochs)
      h.valAccuracy = valAccuracy.subarray(0, epochs)
    }
    return h
  }
  return {
    record(e, d, l, a, r) {
      dataLoss[e] = d
      loss[e] = l
      accuracy[e] = a
      lr[e] = r
    },
    recordValidation(e, v, a) {
      valLoss[e] = v
      valAccuracy[e] = a
    },
    view,
    copy(epochs) {
      const h = view(epochs)
      const out: TrainHistory = {
        epochs,
        dataLoss: h.dataLoss.slice(),
        loss: h.loss.slice(),
        accuracy: h.accuracy.slice(),
        lr: h.lr.slice(),
      }
      if (h.valLoss && h.valAccuracy) {
        out.valLoss = h.valLoss.slice()
        out.valAccuracy = h.valAccuracy.slice()
      }
      return out
    },
  }
}
