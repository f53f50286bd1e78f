import { useId } from 'react'
import { optimizerMeta } from '../../core/meta'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import type { Vec2 } from '../../core/types'
import { texToUnicode } from '../../render/texLabel'
import { selectLanguage, selectRacers, selectView } from '../../state/selectors'
import { useApp, useAppStore, useT } from '../../state/useApp'
import { formatNumber } from '../../ui/formatNumber'
import { Tex } from '../../ui/Tex'
import { AnalysisView, formatVec } from './AnalysisView'
import { escapeScale, escapeStart } from './escapeStart'
import type { InspectTarget } from './inspectTarget'
import { useInspectAnalysis } from './useInspectAnalysis'
import './HessianPanel.css'

/** The lecture's Taylor expansion around θ′, with g in green and the Hessian term in red as on the slide. */
const TAYLOR =
  "L(\\theta) \\approx L({\\color{blue}\\theta'}) + (\\theta-{\\color{blue}\\theta'})^{T}{\\color{green}g} + \\tfrac{1}{2}(\\theta-{\\color{blue}\\theta'})^{T}{\\color{red}H}(\\theta-{\\color{blue}\\theta'})"
const TAYLOR_TEXT = 'L(θ) ≈ L(θ′) + (θ − θ′)ᵀg + ½(θ − θ′)ᵀH(θ − θ′)'

/**
 * The Hessian inspector (docs/lectures.md S1, S2): at the inspected point, or the selected racer's current one, the
 * value L, the gradient g and ‖g‖, the 2×2 Hessian H, its eigenvalues and eigenvectors, the kind of point and
 * Li Hongyi's minimum ratio; at a saddle, a button that restarts the race from θ′ + u₁ (the slide's escape).
 * The math runs in the worker (`useInspectAnalysis`); this component only formats it.
 */
export function HessianPanel() {
  const t = useT()
  const store = useAppStore()
  const language = useApp(selectLanguage)
  const racers = useApp(selectRacers)
  const view = useApp(selectView)
  const titleId = useId()
  const state = useInspectAnalysis()
  const analysis = state.status === 'ok' ? state.analysis : null
  const target = state.target
  const axes = findSurfaceMeta(target?.surfaceId ?? '')?.axes ?? ['\\theta_1', '\\theta_2']
  const scale = escapeScale(view)

  const sourceLabel = (tg: InspectTarget): string => {
    if (tg.source === 'inspect') return t('hessian.sourceInspect')
    if (tg.source === 'start') return t('hessian.sourceStart')
    const racer = racers.find((r) => r.id === tg.racerId)
    const name = racer ? optimizerMeta[racer.optimizer.kind].name[language] : (tg.racerId ?? '')
    return t('hessian.sourceRacer', { name, step: tg.step ?? 0 })
  }
  const escape = (point: Vec2, direction: Vec2): void => {
    const s = store.getState()
    s.setStart(escapeStart(point, direction, scale))
    // Follow the racers from their new start: the inspector shows the gradient that now leads downhill.
    s.setInspectPoint(null)
  }

  return (
    <section
      className="panel hessian-panel"
      aria-labelledby={titleId}
      data-testid="hessian-panel"
      data-kind={analysis?.kind ?? (state.status === 'error' ? 'error' : 'pending')}
    >
      <h2 id={titleId}>{t('panel.hessian')}</h2>
      {target !== null && (
        <div className="hessian-source">
          <span>
            {sourceLabel(target)}: ({texToUnicode(axes[0])}, {texToUnicode(axes[1])}) ={' '}
            {formatVec(target.point)}
          </span>
          {target.source === 'inspect' && (
            <button type="button" onClick={() => store.getState().setInspectPoint(null)}>
              {t('hessian.followRacer')}
            </button>
          )}
        </div>
      )}
      {analysis !== null && target !== null ? (
        <AnalysisView analysis={analysis} />
      ) : (
        <p className="hessian-status" role="status">
          {t(state.status === 'error' ? 'hessian.failed' : 'hessian.pending')}
        </p>
      )}
      {analysis?.escapeDirection !== undefined && target !== null && (
        <div className="hessian-escape">
          <button
            type="button"
            data-testid="escape-button"
            title={t('tooltip.hessianEscape')}
            onClick={() => escape(target.point, analysis.escapeDirection!)}
          >
            {t('button.hessianEscape')}
          </button>
          <p className="hessian-note">{t('hessian.escapeNote', { scale: formatNumber(scale) })}</p>
        </div>
      )}
      <p className="hessian-note">{t('hessian.test')}</p>
      <figure className="hessian-taylor">
        <figcaption>{t('hessian.taylor')}</figcaption>
        <Tex tex={TAYLOR} display fallback={TAYLOR_TEXT} />
      </figure>
      <p className="hessian-note">{t('hessian.inspectHint')}</p>
    </section>
  )
}
