import type { Vec2 } from '../../core/types'
import { drawMomentumArrows } from '../../render/arrows'
import { drawEigenAxes } from '../../render/eigenAxes'
import { drawNoiseCloud } from '../../render/noiseCloud'
import type { NoiseCloudView } from '../../render/noiseCloud'
import type { ViewScales } from '../../render/scales'
import { drawCurrentMarker } from '../../render/trajectory'
import type { RaceTrack } from '../../state/raceTrack'
import { selectSelectedRacer } from '../../state/selectors'
import type { AppState } from '../../state/store'
import { arrowScale, momentumArrows } from './arrowVectors'
import { drawDivergedCross, drawInspectMarker, drawStartMarker } from './markers'
import { clampToPlot, clipToPlot, visibleTrails } from './sceneParts'
import { surfaceFontPx } from './surfaceLayout'

/**
 * The overlay, redrawn every frame: the Hessian's eigen-axes, the momentum arrows of the selected racer, each
 * visible racer's current point (a red ✕ once a diverged racer's end is reached), the gradient-noise clouds
 * at the racers' heads on a data surface (`clouds`), the start point (at
 * `dragStart` while it is dragged) and the inspected point.
 */
export function paintOverlay(
  ctx: CanvasRenderingContext2D,
  s: AppState,
  scales: ViewScales,
  dpr: number,
  dragStart: Vec2 | null,
  clouds: readonly NoiseCloudView[] = [],
): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  ctx.clearRect(0, 0, scales.widthPx, scales.heightPx)
  ctx.save()
  clipToPlot(ctx, scales)
  const fontPx = surfaceFontPx(scales.widthPx)
  const head = Math.floor(s.cursor) + 1
  const shown = (t: RaceTrack): number => Math.max(0, Math.min(t.count, head))
  const selected = selectSelectedRacer(s)
  const selectedTrack = selected && s.tracks.find((t) => t.id === selected.id)
  const selectedPoint: Vec2 | null =
    selectedTrack && shown(selectedTrack) > 0
      ? [selectedTrack.x[shown(selectedTrack) - 1], selectedTrack.y[shown(selectedTrack) - 1]]
      : null

  const analysis = s.inspectAnalysis
  // The point the Hessian panel analyses: the inspected one, else the selected racer's, else the start.
  const eigenAt = s.inspectPoint ?? selectedPoint ?? s.settings.start
  if (analysis !== null)
    drawEigenAxes(ctx, scales, eigenAt, analysis.eigenvectors, analysis.eigenvalues, { fontPx })

  if (s.settings.showArrows && selected && !selected.hidden && selectedTrack) {
    const { kind, convention } = selected.optimizer
    const arrows = momentumArrows(selectedTrack, s.cursor, kind, convention)
    if (arrows !== null)
      drawMomentumArrows(ctx, scales, arrows.at, arrows.negGrad, arrows.prevMove, arrows.newMove, {
        scaleToPx: arrowScale(arrows, scales),
      })
  }

  // Under the markers: every mini-batch's step from each racer's head (data surfaces only).
  for (const cloud of clouds) drawNoiseCloud(ctx, scales, cloud)

  for (const item of visibleTrails(s)) {
    const n = shown(item.track)
    if (n === 0) continue
    const x = item.track.x[n - 1]
    const y = item.track.y[n - 1]
    // A diverged racer ends at its last finite point; once the playhead gets there it is crossed out. That
    // point is usually far off screen (|θ| ~ 10¹⁵⁰), so the ✕ stays at the plot's edge, on the side it left by.
    if (item.track.status === 'diverged' && n === item.track.count) {
      const [cx, cy] = clampToPlot(scales, scales.xToPx(x), scales.yToPx(y), 9)
      drawDivergedCross(ctx, cx, cy)
    } else drawCurrentMarker(ctx, scales, [x, y], item.color)
  }

  const start = dragStart ?? s.settings.start
  drawStartMarker(ctx, scales.xToPx(start[0]), scales.yToPx(start[1]), dragStart !== null)
  if (s.inspectPoint !== null)
    drawInspectMarker(ctx, scales.xToPx(s.inspectPoint[0]), scales.yToPx(s.inspectPoint[1]))
  ctx.restore()
}
