import type { Regularization } from '../../core/mlp/types'
import { formatValue } from '../../render/texLabel'
import type { LabState } from '../../state/lab/labStore'
import type { BoundaryFigure } from './boundaryFigure'
import type { Translate } from './surfaceFigure'

/** "L2, λ = 0.03", "L1, λ = 0.001" or "none", as the lab titles its views. */
function regularizationText(t: Translate, reg: Regularization): string {
  if (reg.kind === 'none') return t('lab.net.reg.none')
  return `${reg.kind === 'l2' ? 'L2' : 'L1'}, λ = ${formatValue(reg.lambda, 4)}`
}

/**
 * The lab's two decision boundaries at their current epoch, titled as the lab titles them (without/with
 * regularization, or networks A and B), over the data and its extent; null until a run has sent a frame.
 */
export function boundaryFigureOf(s: LabState, t: Translate): BoundaryFigure | null {
  const keys = ['a', 'b'] as const
  if (keys.some((k) => s.traces[k].grid === null)) return null
  const { mode, a } = s.settings
  const name = (k: 'a' | 'b'): string =>
    mode === 'compare'
      ? t(k === 'a' ? 'lab.view.a' : 'lab.view.b')
      : k === 'a'
        ? t('lab.view.without')
        : t('lab.view.with', { reg: regularizationText(t, a.regularization) })
  const dataset = s.data.dataset
  const columns = dataset?.columns
  return {
    extent: s.data.extent,
    axes: columns === undefined ? ['x_1', 'x_2'] : [columns[0], columns[1]],
    data: dataset === null ? null : { x: dataset.x, y: dataset.y },
    views: keys.map((k) => {
      const trace = s.traces[k]
      return {
        title: t('export.boundaryTitle', { name: name(k), epoch: trace.epoch }),
        grid: trace.grid!,
        nx: trace.nx,
        ny: trace.ny,
        boundary: trace.boundary,
      }
    }),
  }
}
