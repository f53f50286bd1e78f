import type { LineChartLayout } from '../../render/lineChart'
import type { DrawScale } from '../../render/drawScale'
import { racerColor } from '../../render/colors'
import type { MessageKey } from '../../i18n/en'
import type { MessageParams } from '../../i18n/translate'
import type { RaceTrack } from '../../state/raceTrack'
import type { RacerSettings, StepUnit } from '../../state/settings'
import { findSurfaceMeta } from '../../core/surfaces/meta'
import { updateAtX, xPerUpdate } from './epochAxis'
import type { AppState } from '../../state/store'
import { hoverStep } from './chartGeometry'
import { drawChartOverlay } from './chartOverlay'
import { hoverText } from './hoverText'
import type { HoverPoint } from './chartOverlay'
import { racerLabels } from './racerLabels'
import { longestWarmUp, paintScheduleChart } from './scheduleChart'
import { groupScheduleCurves, scheduleFactor } from './scheduleSamples'
import type { ScheduleCurve } from './scheduleSamples'
import { createSeriesChart } from './seriesChart'
import type { LayerTarget } from './seriesChart'
import { shiftedContext } from './shiftedContext'
import { testLossOf, testLossSeries } from './testLossSeries'

export type ChartId = 'loss' | 'gradNorm' | 'lr'
export const CHART_IDS: readonly ChartId[] = ['loss', 'gradNorm', 'lr']

/** The two canvases of one chart and their size in CSS px. */
export interface ChartLayers {
  base: LayerTarget
  overlay: LayerTarget
  widthPx: number
  heightPx: number
  fontPx: number
  /** Presenter scale and colour profile (default the screen's). */
  scale?: DrawScale
}

export interface ChartTooltip {
  /** Plain text, one line per racer after the step line. */
  text: string
  /** Pointer position in CSS px from the chart's left edge. */
  x: number
}

/** Where a chart's playhead line goes, in CSS px of its canvas (null: off the x axis, or nothing drawn). */
export interface PlayheadLine {
  x: number
  top: number
  height: number
}

export interface ChartsPainterDeps {
  t(key: MessageKey, params?: MessageParams): string
  onTooltip(id: ChartId, tip: ChartTooltip | null): void
  /**
   * Places chart `id`'s playhead, called only when it moved. The playhead moves every frame, so it is an
   * element the page moves with a CSS transform rather than canvas pixels to repaint.
   */
  onPlayhead(id: ChartId, line: PlayheadLine | null): void
  /** The learning-rate chart's layout and left shift after each paint (the stability band draws on it). */
  onLrLayout?(layout: LineChartLayout | null, offsetPx: number): void
  /**
   * What the loss and ‖g‖ charts' x-axis counts (default updates). In epochs each racer's update k sits at
   * k/⌈N/B⌉ (epochAxis.ts); the η chart keeps counting updates.
   */
  xUnit?: StepUnit
  /**
   * After each paint: the loss and ‖g‖ charts' x unit and, per drawn racer, the x of its last point received
   * (in that unit), for readers and tests (the page writes them on the loss canvas).
   */
  onXAxis?(axis: { unit: StepUnit; xMax: number; ends: readonly { id: string; x: number }[] }): void
}

export interface ChartsPainter {
  /** New canvases or a new size for a chart (null: nothing to paint on). */
  setLayers(id: ChartId, layers: ChartLayers | null): void
  /** The pointer's x on a chart, or null when it left. */
  setHover(id: ChartId, px: number | null): void
  /** Repaints what changed since the last call: appended curve segments, the schedule, the overlays. */
  paint(state: AppState): void
  /** Chart `id`'s y axis as last painted ('log', 'symlog' or 'linear'), or null before its first paint. */
  yScale(id: ChartId): 'log' | 'symlog' | 'linear' | null
  /** The learning-rate chart's x axis: log over steps 1…T (true) or linear (false, the default). */
  setLrLogX(on: boolean): void
  /**
   * The learning-rate chart's x axis as last painted, or null before its first paint: its kind, the plot's
   * width, and where the longest warm-up ends (px from the plot's left edge, from the chart's own scale; null
   * when no schedule warms up).
   */
  lrAxis(): { kind: 'log' | 'linear'; plotWidthPx: number; warmUpEndPx: number | null } | null
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
 * schedule factor η_t/η (recomputed only when the settings change), the playhead position of each chart
 * (`onPlayhead`), and one overlay canvas per chart for the hovered step, whose values go to `onTooltip` as plain
 * text. Per frame of a playing race this strokes the new segments and moves three lines; the overlays repaint
 * only while the pointer is over a chart.
 */
export function createChartsPainter(deps: ChartsPainterDeps): ChartsPainter {
  const { t } = deps
  const layers: Record<ChartId, ChartLayers | null> = { loss: null, gradNorm: null, lr: null }
  const layouts: Record<ChartId, LineChartLayout | null> = { loss: null, gradNorm: null, lr: null }
  /** How far right each chart is drawn so that the three plots share their left edge (CSS px). */
  const offsets: Record<ChartId, number> = { loss: 0, gradNorm: 0, lr: 0 }
  /** What each overlay and playhead last showed, to skip repeating it. */
  const overlayKeys: Record<ChartId, unknown[]> = { loss: [], gradNorm: [], lr: [] }
  const playheadKeys: Record<ChartId, string> = { loss: '', gradNorm: '', lr: '' }
  const series = { loss: createSeriesChart(), gradNorm: createSeriesChart() }
  let hover: { id: ChartId; px: number } | null = null
  let lastTracks: readonly RaceTrack[] | null = null
  let trackEpoch = 0
  let scheduleView: ScheduleView | null = null
  let lrKey: unknown[] = []
  let lrLogX = false
  let labels = new Map<string, string>()
  let labelsOf: { racers: readonly RacerSettings[]; language: string } | null = null

  const scheduleViewOf = (s: AppState): ScheduleView => {
    const { racers, schedule } = s.settings
    // η_t is a function of the update t, so the chart spans the race's updates: the longest racer's, which is
    // more than the settings' steps when they count epochs (batch size 1 makes N updates an epoch).
    const steps = s.raceSteps > 0 ? s.raceSteps : s.settings.steps
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
      overlayKeys[id] = []
      if (id !== 'lr') series[id].invalidate()
      else lrKey = []
    },
    setHover(id, px) {
      hover = px === null ? null : { id, px }
    },
    setLrLogX(on) {
      if (on === lrLogX) return
      lrLogX = on
      lrKey = []
      overlayKeys.lr = []
    },
    lrAxis() {
      const l = layouts.lr
      if (l === null) return null
      const w = scheduleView === null ? 0 : longestWarmUp(scheduleView.curves)
      return {
        kind: l.xLog ? 'log' : 'linear',
        plotWidthPx: l.plot.width,
        warmUpEndPx: w > 0 && w <= l.xMax ? l.xToPx(w - 1) - l.plot.left : null,
      }
    },
    yScale(id) {
      const l = layouts[id]
      return l === null ? null : l.ySymlog ? 'symlog' : l.yLog ? 'log' : 'linear'
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
      const unit = deps.xUnit ?? 'updates'
      const examples = findSurfaceMeta(settings.surfaceId)?.examples
      const per = new Map(drawn.map(({ racer }) => [racer.id, xPerUpdate(unit, examples, racer)]))
      const perOf = (r: RacerSettings): number => per.get(r.id) ?? 1
      const updates = s.raceSteps > 0 ? s.raceSteps : settings.steps
      // In epochs the axis ends at the longest racer's last epoch (the race's steps when they count epochs).
      const xMaxEpochs =
        settings.count === 'epochs'
          ? settings.steps
          : Math.max(1, ...drawn.map(({ racer }) => updates * perOf(racer)))
      const xMax = unit === 'epochs' ? xMaxEpochs : updates
      const lrXLabel = t('axis.step')
      const xLabel = unit === 'epochs' ? t('axis.epoch') : lrXLabel
      // The y titles are the lecture's symbols, the same in both languages; the captions above say the words.

      const view = scheduleViewOf(s)
      const curves = view.curves.map((c) => ({
        color: racerColor(settings.racers.find((r) => r.id === c.racerIds[0])?.color ?? 0),
        base: c.base,
        schedule: c.schedule,
      }))
      /** Brings chart `id`'s base layer up to date, drawn `offsets[id]` px to the right. */
      const paintBase = (id: ChartId): void => {
        const l = layers[id]
        if (l === null) return
        const dx = offsets[id]
        const target = { ctx: shiftedContext(l.base.ctx, dx), clear: l.base.clear }
        const size = { widthPx: l.widthPx - dx, heightPx: l.heightPx, fontPx: l.fontPx, scale: l.scale }
        if (id === 'lr') {
          const key = [view, settings.language, l, dx, lrLogX]
          if (layouts.lr !== null && key.every((k, i) => k === lrKey[i])) return
          lrKey = key
          layouts.lr = paintScheduleChart(target, {
            ...size,
            steps: view.steps,
            xLabel: lrLogX ? t('charts.logStepAxis', { label: lrXLabel, steps: view.steps }) : lrXLabel,
            yLabel: '\\eta^t / \\eta',
            curves,
            xLog: lrLogX,
          })
          return
        }
        layouts[id] = series[id].paint(target, {
          ...size,
          xMax,
          xLabel,
          yLabel: id === 'loss' ? 'L' : '\\|g\\|',
          ...(id === 'loss' ? { symlogLabel: t('charts.symlogAxis', { label: 'L' }) } : {}),
          epoch: trackEpoch,
          series: [
            ...drawn.map(({ racer, track }) => ({
              id: racer.id,
              color: racerColor(racer.color),
              values: id === 'loss' ? track.loss : track.gradNorm,
              count: track.count,
              xPerPoint: perOf(racer),
            })),
            // The testing loss along each path, dashed (canyon vs basin, while the testing surface is shown).
            ...(id === 'loss'
              ? drawn.flatMap(({ racer, track }) =>
                  testLossSeries(settings, [
                    { racerId: racer.id, color: racerColor(racer.color), track },
                  ]).map((series) => ({ ...series, xPerPoint: perOf(racer) })),
                )
              : []),
          ],
        }).layout
      }
      for (const id of CHART_IDS) paintBase(id)
      // Line the plots up: each chart's own left margin depends on its y labels, so shift the narrower ones.
      // A chart whose shift changes repaints in full (its width changed), which happens only with its labels.
      const lefts = CHART_IDS.flatMap((id) => (layouts[id] === null ? [] : [layouts[id].plot.left]))
      const left = Math.max(...lefts)
      for (const id of CHART_IDS) {
        const layout = layouts[id]
        if (layout === null || layout.plot.left + offsets[id] === left) continue
        offsets[id] = left - layout.plot.left
        paintBase(id)
      }

      deps.onLrLayout?.(layouts.lr, offsets.lr)
      deps.onXAxis?.({
        unit,
        xMax,
        ends: drawn.map(({ racer, track }) => ({
          id: racer.id,
          x: Math.min(xMax, Math.max(0, track.count - 1) * perOf(racer)),
        })),
      })

      // The hovered step, shared by the three charts (they have the same x axis); on an epoch axis the hovered
      // x in epochs (`hoverX`), and each racer's update nearest to it (the η chart is then left out).
      let step: number | null = null
      let hoverX: number | null = null
      const epochs = unit === 'epochs'
      if (hover !== null && epochs && hover.id !== 'lr') {
        const layout = layouts[hover.id]
        const lastX = Math.max(-1, ...drawn.map(({ racer, track }) => (track.count - 1) * perOf(racer)))
        if (layout !== null && lastX >= 0) {
          const px = hover.px - offsets[hover.id]
          const { left, width } = layout.plot
          if (px >= left - 6 && px <= left + width + 6 && width > 0)
            hoverX = Math.max(0, Math.min(((px - left) * layout.xMax) / width, lastX))
        }
      } else if (hover !== null && !(epochs && hover.id !== 'lr')) {
        const layout = layouts[hover.id]
        const lastStep =
          hover.id === 'lr' ? view.steps - 1 : Math.max(-1, ...drawn.map(({ track }) => track.count - 1))
        if (layout !== null && layout.xLog) {
          const at = hover.px - offsets[hover.id]
          const { left, width } = layout.plot
          if (at >= left - 6 && at <= left + width + 6 && lastStep >= 0)
            step = Math.max(0, Math.min(Math.round(layout.pxToStep(Math.max(left, at))), lastStep))
        } else if (layout !== null)
          step = hoverStep(
            hover.px - offsets[hover.id],
            layout.plot.left,
            layout.plot.width,
            layout.xMax,
            lastStep,
          )
      }
      const pointsOf = (id: ChartId, k: number): HoverPoint[] => {
        if (id === 'lr')
          return k < view.steps
            ? view.curves.map((c) => ({
                value: scheduleFactor(c.base, c.schedule, k),
                color: racerColor(settings.racers.find((r) => r.id === c.racerIds[0])?.color ?? 0),
              }))
            : []
        return drawn.flatMap(({ racer, track }) => {
          const j = epochs ? updateAtX(k, perOf(racer), track.count - 1) : k
          if (j >= track.count) return []
          const color = racerColor(racer.color)
          const test = id === 'loss' ? testLossOf(settings, track) : null
          return [
            { value: (id === 'loss' ? track.loss : track.gradNorm)[j], color },
            ...(test === null ? [] : [{ value: test[j], color }]),
          ]
        })
      }
      /** Where chart `id` marks the hover: the step, or on an epoch axis the epoch (not on the η chart). */
      const hoverOf = (id: ChartId): number | null =>
        !epochs ? step : id === 'lr' ? (hover?.id === 'lr' ? step : null) : hoverX
      for (const id of CHART_IDS) {
        const l = layers[id]
        const layout = layouts[id]
        // On an epoch axis the playhead marks the epoch every racer has reached (the slowest one's).
        const minPer = Math.min(1, ...drawn.map(({ racer }) => perOf(racer)))
        const at = epochs && id !== 'lr' ? s.cursor * minPer : s.cursor
        const inside = layout !== null && at >= 0 && at <= layout.xMax
        const line = inside
          ? { x: offsets[id] + layout.xToPx(at), top: layout.plot.top, height: layout.plot.height }
          : null
        const playheadKey = line === null ? 'none' : `${line.x.toFixed(1)}|${line.top}|${line.height}`
        if (playheadKey !== playheadKeys[id]) {
          playheadKeys[id] = playheadKey
          deps.onPlayhead(id, line)
        }
        if (l === null || layout === null) continue
        // The hover rings change with the hovered step, with new data under it, and with the layout.
        const mark = hoverOf(id)
        const key = mark === null ? [null, layout] : [mark, layout, s.version, s.settings.racers, offsets[id]]
        if (key.length === overlayKeys[id].length && key.every((k, i) => k === overlayKeys[id][i])) continue
        overlayKeys[id] = key
        l.overlay.clear()
        if (mark !== null)
          drawChartOverlay(
            shiftedContext(l.overlay.ctx, offsets[id]),
            layout,
            { hover: { step: mark, points: pointsOf(id, mark) } },
            l.scale,
          )
      }

      if (hover !== null) {
        const mark = hoverOf(hover.id)
        const text =
          mark === null
            ? null
            : epochs && hover.id !== 'lr'
              ? hoverText(hover.id, mark, s, drawn, labels, t, (r) => perOf(r))
              : hoverText(hover.id, mark, s, drawn, labels, t)
        deps.onTooltip(hover.id, text === null ? null : { text, x: hover.px })
      }
    },
  }
}
