import { useMemo, useRef } from 'react'
import { drawScaleAttr, drawScaleFor } from '../../render/drawScale'
import type { LineSeries } from '../../render/lineChart'
import { selectMaxEpochs, selectSettings } from '../../state/lab/labSelectors'
import type { LabSettings } from '../../state/lab/labSettings'
import type { LabState, LabStore } from '../../state/lab/labStore'
import type { RunTrace } from '../../state/lab/runTrace'
import { useCanvasLook } from '../../state/useCanvasLook'
import type { TrainRunKey } from '../../worker/protocol'
import { fitCanvas } from './canvasFit'
import { useElementWidth, useLab, useLabPainter, useLabT } from './labHooks'
import { RUN_COLORS, runName } from './labText'
import { paintTrainingChart } from './paintCurves'
import type { RestoredMark } from './paintCurves'

const HEIGHT = 220

/** Copies `count` history entries one place right (slot 0 = NaN, a gap), so entry e is drawn at epoch e + 1. */
function shifted(
  scratch: Map<string, Float64Array>,
  id: string,
  source: Float64Array,
  count: number,
): Float64Array {
  let buffer = scratch.get(id)
  if (buffer === undefined || buffer.length < count + 1) {
    buffer = new Float64Array(Math.max(count + 1, 2 * (buffer?.length ?? 0)))
    scratch.set(id, buffer)
  }
  buffer[0] = NaN
  buffer.set(source.subarray(0, count), 1)
  return buffer
}

type T = ReturnType<typeof useLabT>

/**
 * The legend entries, in the curves' colours: total loss and accuracy of each run, its data term when it has
 * a penalty, its validation curves when it holds data out. Drawn under the charts (HTML), not on them, so it
 * never covers a curve: accuracies end near 100 %, just where a legend in the plot would sit.
 */
function legendOf(t: T, settings: LabSettings): { color: string; label: string }[] {
  const items: { color: string; label: string }[] = []
  for (const key of ['a', 'b'] as const) {
    const name = runName(t, settings.mode, key, settings.a)
    const net = settings.mode === 'compare' ? settings[key] : settings.a
    const penalised = net.regularization.kind !== 'none' && (settings.mode === 'compare' || key === 'b')
    const colors = RUN_COLORS[key]
    items.push({ color: colors.main, label: t('lab.curves.legendMain', { name }) })
    if (penalised) items.push({ color: colors.data, label: t('lab.curves.data', { name }) })
    if (net.validationSplit > 0) items.push({ color: colors.val, label: t('lab.curves.legendVal', { name }) })
  }
  return items
}

/**
 * The training curves of both runs per epoch: loss on a log axis (total, the data term when a penalty makes
 * them differ, and the validation loss when a split is set) and accuracy, with a dashed line at the epoch
 * whose weights early stopping restored and one at the scrubber's epoch. Painted from `traces` through
 * `store.subscribe`; the legend is HTML under the charts.
 */
export function TrainingCurves({ store }: { store: LabStore }) {
  const t = useLabT(store)
  const wrap = useRef<HTMLDivElement>(null)
  const lossCanvas = useRef<HTMLCanvasElement>(null)
  const accCanvas = useRef<HTMLCanvasElement>(null)
  const scratch = useRef(new Map<string, Float64Array>())
  const settings = useLab(store, selectSettings)
  const full = useElementWidth(wrap) || 360
  // Side by side from 720 px, stacked below.
  const width = Math.max(260, full >= 720 ? Math.floor((full - 12) / 2) : full)
  const look = useCanvasLook()
  const scale = useMemo(() => drawScaleFor(look.presenter, look.viewportHeightPx, look.colors), [look])
  // Presenter type takes more of the height for its margins: the charts grow by half the text scale.
  const height = Math.round(HEIGHT * (1 + (scale.text - 1) / 2))

  useLabPainter(
    store,
    (s, prev) => s.frame !== prev.frame || s.settings !== prev.settings || s.language !== prev.language,
    (s: LabState) => {
      const xMax = selectMaxEpochs(s)
      const keys: TrainRunKey[] = ['a', 'b']
      const lossSeries: LineSeries[] = []
      const accSeries: LineSeries[] = []
      for (const key of keys) {
        const trace: RunTrace = s.traces[key]
        const n = trace.epoch
        const colors = RUN_COLORS[key]
        const count = n + 1
        lossSeries.push({
          values: shifted(scratch.current, `${key}.loss`, trace.loss, n),
          count,
          color: colors.main,
        })
        let penalised = false
        for (let e = 0; e < n && !penalised; e++) penalised = trace.loss[e] !== trace.dataLoss[e]
        if (penalised)
          lossSeries.push({
            values: shifted(scratch.current, `${key}.data`, trace.dataLoss, n),
            count,
            color: colors.data,
          })
        if (trace.valLoss !== null)
          lossSeries.push({
            values: shifted(scratch.current, `${key}.val`, trace.valLoss, n),
            count,
            color: colors.val,
          })
        accSeries.push({
          values: shifted(scratch.current, `${key}.acc`, trace.accuracy, n),
          count,
          color: colors.main,
        })
        if (trace.valAccuracy !== null)
          accSeries.push({
            values: shifted(scratch.current, `${key}.valAcc`, trace.valAccuracy, n),
            count,
            color: colors.val,
          })
      }
      const charts: [HTMLCanvasElement | null, LineSeries[], boolean, string][] = [
        [lossCanvas.current, lossSeries, true, t('lab.curves.loss')],
        [accCanvas.current, accSeries, false, t('lab.curves.accuracy')],
      ]
      for (const [canvas, series, yLog, yLabel] of charts) {
        const ctx = fitCanvas(canvas, width, height)
        if (ctx === null) continue
        const restored: RestoredMark[] = []
        for (const key of keys) {
          const epoch = s.traces[key].restoredEpoch
          if (epoch !== null)
            restored.push({ epoch, color: RUN_COLORS[key].main, label: t('lab.curves.restored', { epoch }) })
        }
        paintTrainingChart(
          ctx,
          {
            widthPx: width,
            heightPx: height,
            series,
            xMax,
            yLog,
            yLabel,
            xLabel: t('lab.curves.epoch'),
            ...(!yLog && { yDomain: [0, 1] as [number, number] }),
            // The scrubber's epoch, when it is not the last one trained.
            ...(s.run.view < s.run.epoch && { marker: s.run.view }),
            scale,
          },
          restored,
        )
      }
    },
  )

  return (
    <section className="lab-section" aria-labelledby="lab-curves-title">
      <h3 id="lab-curves-title">{t('lab.curves.title')}</h3>
      <div ref={wrap} className="lab-curves" data-draw-scale={drawScaleAttr(scale)}>
        <canvas ref={lossCanvas} role="img" aria-label={t('lab.curves.lossChart')} />
        <canvas ref={accCanvas} role="img" aria-label={t('lab.curves.accuracyChart')} />
      </div>
      <ul className="lab-curves-legend" data-testid="lab-curves-legend">
        {legendOf(t, settings).map(({ color, label }) => (
          <li key={label} style={{ color }}>
            <i aria-hidden="true" />
            <span>{label}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
