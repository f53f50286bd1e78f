import type { Extent } from '../types'
import type { RowChunks } from './chunks'
import { evaluateChunk, forwardChunk } from './passes'
import type { Workspace } from './workspace'

/**
 * Evaluation-mode pass over the rows of `chunks` (views into the data set, read in place). Writes
 * out[0] = Σ ℓ (data-term sum) and out[1] = number of rows whose prediction falls on the label's side of 0.5.
 */
export function evaluateRows(
  ws: Workspace,
  params: Float64Array,
  chunks: RowChunks,
  out: Float64Array,
): void {
  const chunk = ws.chunkSums
  let lossSum = 0
  let correct = 0
  for (let c = 0; c < chunks.length; c++) {
    evaluateChunk(ws, params, chunks.count[c], chunks.x[c], chunks.y[c], chunk)
    lossSum += chunk[0]
    correct += chunk[1]
  }
  out[0] = lossSum
  out[1] = correct
}

/**
 * Predictions at the nx × ny grid nodes over `extent` (x_c = x0 + c·(x1 − x0)/(nx − 1), likewise y), row-major
 * with row 0 at y = extent.y[0] (bottom): the layout of `sampleGrid`. Evaluation mode.
 */
export function predictGridInto(
  ws: Workspace,
  params: Float64Array,
  extent: Extent,
  nx: number,
  ny: number,
  out: Float64Array,
): Float64Array {
  const input = ws.a[0]
  const zOut = ws.z[ws.layout.layers - 1]
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  const dx = nx > 1 ? (x1 - x0) / (nx - 1) : 0
  const dy = ny > 1 ? (y1 - y0) / (ny - 1) : 0
  const total = nx * ny
  for (let first = 0; first < total; first += ws.cap) {
    const count = Math.min(ws.cap, total - first)
    for (let k = 0; k < count; k++) {
      const idx = first + k
      const row = Math.floor(idx / nx)
      const col = idx - row * nx
      // The last column and row land exactly on x1 and y1, as in the core's sampleGrid.
      input[2 * k] = col === nx - 1 && nx > 1 ? x1 : x0 + col * dx
      input[2 * k + 1] = row === ny - 1 && ny > 1 ? y1 : y0 + row * dy
    }
    forwardChunk(ws, params, count, false)
    if (ws.linearPrediction) for (let k = 0; k < count; k++) out[first + k] = zOut[k]
    else for (let k = 0; k < count; k++) out[first + k] = 1 / (1 + Math.exp(-zOut[k]))
  }
  return out
}
