import { learningRate } from '../../core/schedules'
import type { LineChartLayout } from '../../render/lineChart'
import { racerColor } from '../../render/colors'
import type { MessageKey } from '../../state/i18n/en'
import type { MessageParams } from '../../state/i18n/translate'
import type { RaceTrack } from '../../state/raceTrack'
import type { RacerSettings } from '../../state/settings'
import type { AppState } from '../../state/store'
import { formatNumber } from '../../ui/formatNumber'
import { hoverStep } from './chartGeometry'
import { drawChartOverlay } from './chartOverlay'
import type { HoverPoint } from './chartOverlay'
import { racerLabels } from './racerLabels'
import { paintScheduleChart } from './scheduleChart'
import { groupScheduleCurves, scheduleFactor } from './scheduleSamples'
import type { ScheduleCurve } from './scheduleSamples'
import { createSeriesChart } from './seriesChart'
import type { ChartSeries, LayerTarget } from './seriesChart'

export type ChartId = 'loss' | 'gradNorm' | 'lr'
export const CHART_IDS: readonly ChartId[] = ['loss', 'gradNorm', 'lr']

/** The two canvases of one chart and their size in CSS px. */
export interface ChartLayers {
  base: LayerTarget
  overlay: LayerTarget
  widthPx: number
  heightPx: number
  fontPx: number
}

export interface ChartTooltip {
  /** Plain text, one line per racer after the step line. */
  text: string
  /** Pointer position in CSS px from the chart's left edge. */
  x: number
}

export interface ChartsPainterDeps {
  t(key: MessageKey, params?: MessageParams): string
  onTooltip(id: ChartId, tip: ChartTooltip | null): void
}

export interface ChartsPainter {
  /** New canvases or a new size for a chart (null: nothing to paint on). */
  setLayers(id: ChartId, layers: ChartLayers | null): void
  /** The pointer's x on a chart, or null when it left. */
  setHover(id: ChartId, px: number | null): void
  /** Repaints what changed since the last call: appended curve segments, the schedule, the overlays. */
  paint(state: AppState): void
}

/** The racers drawn (visible ones) with their schedule, and the curves the schedule chart shows. */
interface ScheduleView {
  racers: readonly RacerSettings[]
  schedule: AppState['settings']['schedule']
  steps: number
  curves: ScheduleCurve[]
}

/**
 * The charts panel's drawing, apart from React: loss and ‖g‖ against the step (log y, incremental), the
 * schedule factor η_t/η (recomputed only when the settings change), and one overlay per chart with the
 * playhead and the hovered step, whose values go to `onTooltip` as plain text.
 */
export function createChartsPainter(deps: ChartsPainterDeps): ChartsPainter {
  const { t } = deps
  const layers: Record<ChartId, ChartLayers | null> = { loss: null, gradNorm: null, lr: null }
  const layouts: Record<ChartId, LineChartLayout | null> = { loss: null, gradNorm: null, lr: null }
  const series = { loss: createSeriesChart(), gradNorm: createSeriesChart() }
  let hover: { id: ChartId; px: number } | null = null
  let lastTracks: readonly RaceTrack[] | null = null
  let trackEpoch = 0
  let scheduleView: ScheduleView | null = null
  let lrKey: unknown[] = []
  let labels = new Map<string, string>()
  let labelsOf: { racers: readonly RacerSettings[]; language: string } | null = null

  const scheduleViewOf = (s: AppState): ScheduleView => {
    const { racers, schedule, steps } = s.settings
    if (
      scheduleView !== null &&
      scheduleView.racers === racers &&
      scheduleView.schedule === schedule &&
      scheduleView.steps === steps
    )
      return scheduleView
    const visible = racers.filter((r) => !r.hidden)
    const curves = groupScheduleCurves(
      visible.map((r) => ({ id: r.id, lr: r.optimizer.lr, schedule: r.schedule ?? schedule })),
      steps,
    )
    return (scheduleView = { racers, schedule, steps, curves })
  }

  return {
    setLayers(id, next) {
      layers[id] = next
      layouts[id] = null
      if (id !== 'lr') series[id].invalidate()
      else lrKey = []
    },
    setHover(id, px) {
      hover = px === null ? null : { id, px }
    },
    paint(s) {
      const { settings } = s
      if (
        labelsOf === null ||
        labelsOf.racers !== settings.racers ||
        labelsOf.language !== settings.language
      ) {
        labels = racerLabels(settings.racers, settings.language)
        labelsOf = { racers: settings.racers, language: settings.language }
      }
      if (s.tracks !== lastTracks) {
        lastTracks = s.tracks
        trackEpoch++
      }
      const visible = settings.racers.filter((r) => !r.hidden)
      const trackOf = new Map(s.tracks.map((tr) => [tr.id, tr]))
      const drawn = visible.flatMap((r) => {
        const track = trackOf.get(r.id)
        return track === undefined ? [] : [{ racer: r, track }]
      })
      const xMax = s.raceSteps > 0 ? s.raceSteps : settings.steps
      const xLabel = t('axis.step')

      for (const id of ['loss', 'gradNorm'] as const) {
        const l = layers[id]
        if (l === null) continue
        const list: ChartSeries[] = drawn.map(({ racer, track }) => ({
          id: racer.id,
          color: racerColor(racer.color),
          values: id === 'loss' ? track.loss : track.gradNorm,
          count: track.count,
        }))
        layouts[id] = series[id].paint(l.base, {
          widthPx: l.widthPx,
          heightPx: l.heightPx,
          fontPx: l.fontPx,
          xMax,
          xLabel,
          yLabel: t(id === 'loss' ? 'axis.loss' : 'axis.gradNorm'),
          epoch: trackEpoch,
          series: list,
        }).layout
      }

      const view = scheduleViewOf(s)
      const lr = layers.lr
      if (lr !== null) {
        const key = [view, settings.language, lr]
        if (layouts.lr === null || key.some((k, i) => k !== lrKey[i])) {
          lrKey = key
          layouts.lr = paintScheduleChart(lr.base, {
            widthPx: lr.widthPx,
            heightPx: lr.heightPx,
            fontPx: lr.fontPx,
            steps: view.steps,
            xLabel,
            yLabel: t('charts.lrFactorAxis'),
            curves: view.curves.map((c) => ({
              color: racerColor(settings.racers.find((r) => r.id === c.racerIds[0])?.color ?? 0),
              base: c.base,
              schedule: c.schedule,
            })),
          })
        }
      }

      // The hovered step, shared by the three charts (they have the same x axis).
      let step: number | null = null
      if (hover !== null) {
        const layout = layouts[hover.id]
        const lastStep =
          hover.id === 'lr' ? view.steps - 1 : Math.max(-1, ...drawn.map(({ track }) => track.count - 1))
        if (layout !== null)
          step = hoverStep(hover.px, layout.plot.left, layout.plot.width, layout.xMax, lastStep)
      }
      const pointsOf = (id: ChartId, k: number): HoverPoint[] => {
        if (id === 'lr')
          return k < view.steps
            ? view.curves.map((c) => ({
                value: scheduleFactor(c.base, c.schedule, k),
                color: racerColor(settings.racers.find((r) => r.id === c.racerIds[0])?.color ?? 0),
              }))
            : []
        return drawn.flatMap(({ racer, track }) =>
          k < track.count
            ? [{ value: (id === 'loss' ? track.loss : track.gradNorm)[k], color: racerColor(racer.color) }]
            : [],
        )
      }
      for (const id of CHART_IDS) {
        const l = layers[id]
        const layout = layouts[id]
        if (l === null || layout === null) continue
        l.overlay.clear()
        drawChartOverlay(l.overlay.ctx, layout, {
          cursor: s.cursor,
          ...(step !== null && { hover: { step, points: pointsOf(id, step) } }),
        })
      }

      if (hover !== null) {
        const text =
          step === null
            ? null
            : [t('charts.hoverStep', { step }), ...tooltipLines(hover.id, step, s, drawn, labels, t)].join(
                '\n',
              )
        deps.onTooltip(hover.id, text === null ? null : { text, x: hover.px })
      }
    },
  }
}

/** One line per visible racer: its loss, ‖g‖ or η_t at step k ("—" where its run has no point k). */
function tooltipLines(
  id: ChartId,
  k: number,
  s: AppState,
  drawn: readonly { racer: RacerSettings; track: RaceTrack }[],
  labels: ReadonlyMap<string, string>,
  t: ChartsPainterDeps['t'],
): string[] {
  const { settings } = s
  if (id === 'lr') {
    if (k >= settings.steps) return []
    return settings.racers
      .filter((r) => !r.hidden)
      .map((r) => {
        const schedule = r.schedule ?? settings.schedule
        return t('charts.hoverLr', {
          name: labels.get(r.id) ?? r.id,
          value: formatNumber(learningRate(r.optimizer.lr, schedule, k)),
          factor: formatNumber(scheduleFactor(r.optimizer.lr, schedule, k)),
        })
      })
  }
  return drawn.map(({ racer, track }) => {
    const name = labels.get(racer.id) ?? racer.id
    if (k >= track.count) return t('charts.hoverNone', { name })
    const value = formatNumber((id === 'loss' ? track.loss : track.gradNorm)[k])
    return t(id === 'loss' ? 'charts.hoverLoss' : 'charts.hoverGradNorm', { name, value })
  })
}
