import type { PointAnalysis, PointKind } from '../../core/analyzePoint'
import type { Vec2 } from '../../core/types'
import { lectureColors } from '../../render/colors'
import { snapZeros } from '../../render/snapZero'
import type { MessageKey } from '../../i18n/en'
import { useT } from '../../state/useApp'
import { formatNumber } from '../../ui/formatNumber'

/** The kind of point in the lecture's words (局部极小值, 局部极大值, 鞍点, 退化, 非临界点). */
export const KIND_LABEL: Readonly<Record<PointKind, MessageKey>> = {
  minimum: 'point.localMinimum',
  maximum: 'point.localMaximum',
  saddle: 'point.saddle',
  degenerate: 'hessian.kindDegenerate',
  'not-critical': 'hessian.kindNotCritical',
}

/** Why the eigenvalues give that kind (the Hessian test of docs/lectures.md §2). */
export const KIND_EXPLAIN: Readonly<Record<PointKind, MessageKey>> = {
  minimum: 'hessian.positiveDefinite',
  maximum: 'hessian.negativeDefinite',
  saddle: 'hessian.indefinite',
  degenerate: 'hessian.flat',
  'not-critical': 'hessian.explainNotCritical',
}

/** A vector as "(x, y)" with `formatNumber`'s 4 significant digits. */
export function formatVec(v: Vec2): string {
  return `(${formatNumber(v[0])}, ${formatNumber(v[1])})`
}

/**
 * The numbers of one analysis as text: kind and its reason, L, g and ‖g‖, the matrix H, λ₁ ≤ λ₂ and u₁, u₂
 * (a negative eigenvalue and its eigenvector in the escape colour the surface's eigen-axes use), and the minimum
 * ratio. Plain text only: the numbers are never handed to KaTeX.
 */
export function AnalysisView({ analysis: a }: { analysis: PointAnalysis }) {
  const t = useT()
  // Round-off next to the other numbers shown with it (λ₁ = −4.44×10⁻¹⁶ beside λ₂ = 4) reads 0.
  const [l1, l2] = snapZeros(a.eigenvalues)
  const [u1, u2] = a.eigenvectors
  const [hxx, hxy, hyy] = snapZeros(a.hessian)
  const entries = [hxx, hxy, hxy, hyy].map((v) => formatNumber(v))
  const tone = (l: number) => (l < 0 ? { color: lectureColors.escape } : undefined)
  return (
    <>
      <p className="hessian-kind" data-testid="hessian-kind" data-kind={a.kind}>
        <strong>{t(KIND_LABEL[a.kind])}</strong>{' '}
        <span className="hessian-explain">{t(KIND_EXPLAIN[a.kind])}</span>
      </p>
      <dl className="hessian-values">
        <dt>{t('hessian.value')}</dt>
        <dd>L = {formatNumber(a.value)}</dd>
        <dt>{t('hessian.gradient')}</dt>
        <dd>
          <span className="hessian-g">g</span> = {formatVec(a.gradient)}, ‖g‖ = {formatNumber(a.gradNorm)}
        </dd>
        <dt>{t('hessian.matrix')}</dt>
        <dd>
          <span className="hessian-h">H</span> ={' '}
          <span
            className="hessian-matrix"
            role="img"
            aria-label={`[[${entries[0]}, ${entries[1]}], [${entries[2]}, ${entries[3]}]]`}
          >
            {entries.map((e, i) => (
              <span key={i}>{e}</span>
            ))}
          </span>
        </dd>
        <dt>{t('hessian.eigenvalues')}</dt>
        <dd data-testid="hessian-eigenvalues">
          <span style={tone(l1)}>λ₁ = {formatNumber(l1)}</span>,{' '}
          <span style={tone(l2)}>λ₂ = {formatNumber(l2)}</span>
        </dd>
        <dt>{t('hessian.eigenvectors')}</dt>
        <dd>
          <span style={tone(l1)}>u₁ = {formatVec(u1)}</span>,{' '}
          <span style={tone(l2)}>u₂ = {formatVec(u2)}</span>
        </dd>
        <dt>{t('chart.minimumRatio')}</dt>
        <dd data-testid="hessian-ratio">
          {t('hessian.minimumRatio', { ratio: formatNumber(a.minimumRatio) })}{' '}
          <span className="hessian-explain">
            ({t('hessian.ratioCount', { positive: Math.round(a.minimumRatio * 2) })})
          </span>
        </dd>
      </dl>
    </>
  )
}
