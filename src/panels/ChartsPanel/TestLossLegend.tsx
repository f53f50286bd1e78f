import { useApp, useT } from '../../state/useApp'

/** The legend of the loss chart's dashed testing curves, while the settings show the testing surface. */
export function TestLossLegend() {
  const t = useT()
  const shown = useApp(
    (s) => s.settings.showTestSurface === true && s.tracks.some((tr) => tr.testLoss !== undefined),
  )
  if (!shown) return null
  return (
    <p className="charts-hint" data-testid="chart-test-legend">
      <span className="charts-swatch charts-swatch-test" aria-hidden="true" />
      {t('charts.testLossLegend')}
    </p>
  )
}
