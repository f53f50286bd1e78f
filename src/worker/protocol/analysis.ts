/** The `analyze` request: gradient, Hessian and its eigen-decomposition at one point of a surface. */
import type { PointAnalysis } from '../../core/analyzePoint'
import type { RequestScoped } from './common'
import type { NetSurfaceSpec } from '../../core/landscape/netSurface.meta'

/** Asks for the gradient / Hessian analysis of surface `surface` (registry id) at (x, y). */
export interface AnalyzeRequest extends RequestScoped {
  type: 'analyze'
  surface: string
  x: number
  y: number
  /** Surface 'net-slice' only: which network's slice (absent: the default). */
  net?: NetSurfaceSpec
}

/** Reply to `AnalyzeRequest`. */
export interface AnalysisReply extends RequestScoped {
  type: 'analysis'
  result: PointAnalysis
}
