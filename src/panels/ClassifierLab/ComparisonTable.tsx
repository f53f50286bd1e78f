import { useLayoutEffect, useRef } from 'react'
import { conventionNames, conventions, optimizerMeta } from '../../core/meta'
import { racerColor } from '../../render/colors'
import { drawLineChart } from '../../render/lineChart'
import {
  selectCompareSettings,
  selectComparison,
  selectComparisonStale,
  selectDataset,
  selectLanguage,
} from '../../state/lab/labSelectors'
import { LAB_LIMITS } from '../../state/lab/labSettings'
import type { LabStore } from '../../state/lab/labStore'
import { LR_RULE } from '../../state/optimizerRules'
import { formatNumber } from '../../ui/formatNumber'
import { NumberField } from '../../ui/NumberField'
import { SelectField } from '../../ui/SelectField'
import { fitCanvas } from './canvasFit'
import { checkRule } from './checks'
import { useElementWidth, useLab, useLabT } from './labHooks'
import { percent } from './labText'

const CHART_HEIGHT = 200

/**
 * The course's optimizer comparison: network A trained once with each of SGD, momentum, Adagrad, RMSProp and
 * Adam (one convention, one η) in the worker; per row the epochs until the training loss reaches the target,
 * the final loss and accuracy and the training time, and all five loss curves.
 */
export function ComparisonTable({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const lang = useLab(store, selectLanguage)
  const settings = useLab(store, selectCompareSettings)
  const comparison = useLab(store, selectComparison)
  const stale = useLab(store, selectComparisonStale)
  const dataset = useLab(store, selectDataset)
  const wrap = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const width = Math.max(260, useElementWidth(wrap) || 360)
  const { setCompare, runComparison } = store.getState()
  const running = comparison.status === 'running'

  useLayoutEffect(() => {
    const ctx = fitCanvas(canvas.current, width, CHART_HEIGHT)
    if (ctx === null || comparison.rows.length === 0) return
    drawLineChart(ctx, {
      widthPx: width,
      heightPx: CHART_HEIGHT,
      xMax: Math.max(...comparison.rows.map((r) => r.loss.length)),
      yLog: true,
      yLabel: t('lab.curves.loss'),
      xLabel: t('lab.curves.epoch'),
      series: comparison.rows.map((row, i) => ({
        // Entry e is the loss after epoch e + 1: offset by one slot so it is drawn at e + 1.
        values: [NaN, ...row.loss],
        count: row.loss.length + 1,
        color: racerColor(i),
        label: optimizerMeta[row.optimizer.kind].name[lang],
      })),
    })
  }, [comparison, width, lang, t])

  return (
    <section className="lab-section" aria-labelledby="lab-compare-title">
      <h3 id="lab-compare-title">{t('lab.compare.title')}</h3>
      <p className="lab-help">{t('lab.compare.intro')}</p>
      <div className="lab-fields">
        <SelectField
          label={t('lab.net.convention')}
          value={settings.convention}
          options={conventions.map((c) => ({ value: c, label: conventionNames[c][lang] }))}
          onChange={(convention) => setCompare({ convention })}
        />
        <label className="lab-field">
          <span>{t('lab.net.lr')}</span>
          <NumberField
            value={settings.lr}
            check={checkRule(t, LR_RULE.rule)}
            onCommit={(lr) => setCompare({ lr })}
          />
        </label>
        <label className="lab-field">
          <span>{t('lab.compare.target')}</span>
          <NumberField
            value={settings.targetLoss}
            check={checkRule(t, LAB_LIMITS.targetLoss)}
            onCommit={(targetLoss) => setCompare({ targetLoss })}
          />
        </label>
        <div className="lab-buttons">
          <button
            type="button"
            className="lab-primary"
            data-testid="lab-compare"
            disabled={running || dataset === null}
            onClick={() => void runComparison()}
          >
            {running ? t('lab.compare.running') : t('lab.compare.run')}
          </button>
        </div>
      </div>
      {comparison.status === 'failed' && (
        <p className="lab-problem" role="alert">
          {t('lab.compare.failed', { message: comparison.error ?? '' })}
        </p>
      )}
      {comparison.rows.length > 0 && (
        <>
          {stale && <p className="lab-help">{t('lab.compare.stale')}</p>}
          <div className="lab-table-wrap">
            <table className="lab-table" data-testid="lab-compare-table">
              <thead>
                <tr>
                  <th scope="col">{t('lab.compare.optimizer')}</th>
                  <th scope="col">
                    {t('lab.compare.epochsToTarget', { target: formatNumber(comparison.targetLoss) })}
                  </th>
                  <th scope="col">{t('lab.compare.finalLoss')}</th>
                  <th scope="col">{t('lab.compare.accuracy')}</th>
                  <th scope="col">{t('lab.compare.time')}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row, i) => (
                  <tr key={`${row.optimizer.kind}-${i}`}>
                    <th scope="row">
                      <span className="lab-swatch" style={{ background: racerColor(i) }} aria-hidden="true" />
                      {optimizerMeta[row.optimizer.kind].name[lang]}
                    </th>
                    <td>{row.epochsToTarget === null ? t('lab.compare.never') : row.epochsToTarget}</td>
                    <td>{formatNumber(row.final.loss)}</td>
                    <td>{percent(row.final.accuracy)}</td>
                    <td>
                      {t('lab.compare.ms', {
                        ms: row.timeMs < 10 ? row.timeMs.toFixed(1) : Math.round(row.timeMs),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div ref={wrap} className="lab-chart-wrap" hidden={comparison.rows.length === 0}>
        <canvas ref={canvas} role="img" aria-label={t('lab.compare.lossChart')} />
      </div>
    </section>
  )
}
