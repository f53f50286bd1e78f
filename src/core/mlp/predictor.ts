import type { Layout } from './layout'
import { forwardChunk } from './passes'
import type { WorkspaceOptions } from './workspace'
import { createWorkspace } from './workspace'

/**
 * A standalone prediction function (x1, x2) ↦ network output in evaluation mode, over its own copies of the
 * parameters and batch-norm statistics: z for a linear output trained with MSE, σ(z) otherwise.
 */
export function createPredictor(
  layout: Layout,
  options: WorkspaceOptions,
  params: Float64Array,
  stats: Float64Array,
): (x1: number, x2: number) => number {
  const ws = createWorkspace(layout, 1, options)
  ws.stats.set(stats)
  const theta = params.slice()
  const input = ws.a[0]
  const zOut = ws.z[layout.layers - 1]
  return (x1, x2) => {
    input[0] = x1
    input[1] = x2
    forwardChunk(ws, theta, 1, false)
    return ws.linearPrediction ? zOut[0] : 1 / (1 + Math.exp(-zOut[0]))
  }
}
