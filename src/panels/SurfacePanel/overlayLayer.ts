import type { Vec2 } from '../../core/types'
import { drawMomentumArrows } from '../../render/arrows'
import { drawEigenAxes } from '../../render/eigenAxes'
import { fontPxAt } from '../../render/drawScale'
import type { DrawScale } from '../../render/drawScale'
import { drawNoiseCloud } from '../../render/noiseCloud'
import type { NoiseCloudView } from '../../render/noiseCloud'
import type { ViewScales } from '../../render/scales'
import { drawCurrentMarker } from '../../render/trajectory'
import type { RaceTrack } from '../../state/raceTrack'
import { selectSelectedRacer } from '../../state/selectors'
import type { AppState } from '../../state/store'
import { arrowNote, arrowScale, momentumArrows } from './arrowVectors'
import type { ArrowNote } from './arrowVectors'
import {
  drawDivergedCross,
  drawHeadLabel,
  drawInspectMarker,
  drawOffViewMarker,
  drawStartMarker,
} from './markers'
import { offViewExit } from './offView'
import { clampToPlot, clipToPlot, visibleTrails } from './sceneParts'
import { surfaceFontPx } from './surfaceLayout'

/**
 * The overlay, redrawn every frame (returns what the momentum arrows mean, null without arrows): the Hessian's
 * eigen-axes, the momentum arrows of the selected racer, each visible racer's current point (a red ✕ once a
 * diverged racer's end is reached, a triangle on the edge where the path left the view while its head is
 * outside it), the gradient-noise clouds at the racers' heads on a data surface (`clouds`), the start point (at
 * `dragStart` while it is dragged) and the inspected point.
 */
export function paintOverlay(
  ctx: CanvasRenderingContext2D,
  s: AppState,
  scales: ViewScales,
  dpr: number,
  dragStart: Vec2 | null,
  scale?: DrawScale,
  clouds: readonly NoiseCloudView[] = [],
): ArrowNote | null {
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
    drawEigenAxes(ctx, scales, eigenAt, analysis.eigenvectors, analysis.eigenvalues, { fontPx, scale })

  let note: ArrowNote | null = null
  if (s.settings.showArrows && selected && !selected.hidden && selectedTrack) {
    const { kind, convention } = selected.optimizer
    const arrows = momentumArrows(selectedTrack, s.cursor, kind, convention)
    if (arrows !== null) note = arrowNote(arrows, scales)
    // A step under half a pixel means the ball has stopped: no arrows (the legend says so).
    if (arrows !== null && note !== null && note.kind !== 'stopped')
      drawMomentumArrows(ctx, scales, arrows.at, arrows.negGrad, arrows.prevMove, arrows.newMove, {
        scaleToPx: arrowScale(arrows, scales),
        scale,
      })
  }

  // Under the markers: every mini-batch's step from each racer's head (data surfaces only).
  for (const cloud of clouds) drawNoiseCloud(ctx, scales, cloud)

  const items = visibleTrails(s)
  const heads: [number, number][] = []
  for (const item of items) {
    const n = shown(item.track)
    if (n === 0) continue
    const x = item.track.x[n - 1]
    const y = item.track.y[n - 1]
    // A diverged racer ends at its last finite point; once the playhead gets there it is crossed out. That
    // point is usually far off screen (|θ| ~ 10¹⁵⁰), so the ✕ stays at the plot's edge, on the side it left by.
    if (item.track.status === 'diverged' && n === item.track.count) {
      const [cx, cy] = clampToPlot(scales, scales.xToPx(x), scales.yToPx(y), 9 * (scale?.line ?? 1))
      drawDivergedCross(ctx, cx, cy, 7, scale)
    } else {
      // A head off the view: its path stops at the edge (drawTrajectory's clip box), marked by a triangle there.
      const exit = offViewExit(item.track.x, item.track.y, n, scales)
      if (exit !== null) drawOffViewMarker(ctx, exit.x, exit.y, exit.dx, exit.dy, item.color)
      else drawCurrentMarker(ctx, scales, [x, y], item.color, 2, scale)
      // With several racers each head carries its number (the legend's), stacked where heads coincide.
      if (items.length > 1) {
        const hx = exit !== null ? exit.x - 10 * exit.dx : scales.xToPx(x)
        const hy = exit !== null ? exit.y - 10 * exit.dy : scales.yToPx(y)
        const stacked = heads.filter(([px, py]) => Math.hypot(px - hx, py - hy) < 14).length
        heads.push([hx, hy])
        drawHeadLabel(ctx, hx, hy, String(item.number), item.color, stacked, fontPxAt(scale, fontPx))
      }
    }
  }

  const start = dragStart ?? s.settings.start
  drawStartMarker(ctx, scales.xToPx(start[0]), scales.yToPx(start[1]), dragStart !== null, scale)
  if (s.inspectPoint !== null)
    drawInspectMarker(ctx, scales.xToPx(s.inspectPoint[0]), scales.yToPx(s.inspectPoint[1]), scale)
  ctx.restore()
  return note
}
