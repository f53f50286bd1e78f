import type { AnalyzeRequest } from '../protocol'
import { all, field, isFiniteNumber, netSpec, requestId, surface } from './fields'
import type { Check } from './fields'

/** The structural check of the `analyze` request (src/worker/protocol/analysis.ts). */
export const analysisChecks: Record<AnalyzeRequest['type'], Check> = {
  analyze: all(
    requestId,
    surface,
    field('x', isFiniteNumber, 'a finite number'),
    field('y', isFiniteNumber, 'a finite number'),
    netSpec,
  ),
}
