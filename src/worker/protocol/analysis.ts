/** The `analyze` request: gradient, Hessian and its eigen-decomposition at one point of a surface. */
import type { PointAnalysis } from '../../core/analyzePoint'
import type { RequestScoped } from './common'

/** Asks for the gradient / Hessian analysis of surface `surface` (registry id) at (x, y). */
export interface AnalyzeRequest extends RequestScoped {
  type: 'analyze'
  surface: string
  x: number
  y: number
}

/** Reply to `AnalyzeRequest`. */
export interface AnalysisReply extends RequestScoped {
  type: 'analysis'
  result: PointAnalysis
}
