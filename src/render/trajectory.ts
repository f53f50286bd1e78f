import { lectureColors } from './colors'
import { TAU } from './ctx2d'
import type { Ctx2D } from './ctx2d'
import { dashAt, linePxAt } from './drawScale'
import type { DrawScale } from './drawScale'
import type { AffineScales, DrawScales, ParamLike, PlotRect } from './scales'

export interface TrajectoryStyle {
  /** Line, dot and current-marker colour (default black, the lecture's; use `racerColor(i)` in races). */
  color?: string
  /** Radius of the dot at every iterate, px (default 2; 0 = no dots). */
  dotRadius?: number
  /** Width of the polyline, px (default 1.25). */
  lineWidth?: number
  /**
   * Points closer than this many px to the last kept point are dropped from the path (default 0.5; 0 keeps
   * all). The error is at most this distance, and the last point is always kept.
   */
  decimate?: number
  /**
   * Dots are drawn only when at most this many kept points are on screen (default 4000); beyond that the path
   * is dense enough to read as a line and per-dot arcs would cost the frame.
   */
  maxDots?: number
  /** A white halo under the line and a white ring round each dot, so they read on the rainbow (default true). */
  halo?: boolean
  /**
   * First point to draw (default 0). An append-only trail layer draws each new chunk with
   * `from = previousCount − 1`, so the line joins up and a frame costs only the new points; the start dot is
   * drawn only when from is 0, and `maxDots` applies to the chunk.
   */
  from?: number
  /** Black start dot at point 0 (default true). */
  startMarker?: boolean
  /** Big dot in `color` with a white ring at the last finite point (default true). */
  currentMarker?: boolean
  /** Presenter scale: multiplies the line width, the dot radius, the halo and the markers (default 1×). */
  scale?: DrawScale
  /**
   * The view's box in px (default the whole canvas, 0…widthPx × 0…heightPx). The path stops where it leaves the
   * box and starts again where it comes back; a step between two points outside it is not drawn at all, so a
   * diverging zig-zag far outside cannot paint stripes across the view.
   */
  clipBox?: PlotRect
  /**
   * Dash pattern of the line, px on/off at 1× (default solid; scaled with the lines). Racers whose paths
   * coincide (all on w₂ = 0 in the momentum and RMSProp scenes) stay distinguishable: the gaps of the one on
   * top show the ones below.
   */
  dash?: readonly number[]
}

/** Dash patterns by racer position: solid, long dashes, dots, dash-dot, … (cycled). */
export const RACER_DASHES: readonly (readonly number[])[] = [
  [],
  [9, 5],
  [2, 4],
  [10, 4, 2, 4],
  [5, 5],
  [1, 7],
]

/** What `drawTrajectory` did, for tests and performance counters. */
export interface TrajectoryDrawInfo {
  /** Vertices in the drawn polyline after decimation and clipping. */
  vertices: number
  /** Dots drawn (0 when they were skipped as too dense). */
  dots: number
  /** Index of the last finite point (the current-position marker), −1 when none. */
  current: number
}

// Reused across calls (drawing is single-threaded and never re-entrant): x, y per vertex and a flag byte.
let bufXY = new Float64Array(2048)
let bufFlag = new Uint8Array(1024)
const MOVE = 1 // vertex starts a sub-path
const SYNTH = 2 // vertex made by clipping, not an iterate: no dot

function pushVertex(nv: number, x: number, y: number, flag: number): number {
  if (nv === bufFlag.length) ensure(nv + 1)
  bufXY[2 * nv] = x
  bufXY[2 * nv + 1] = y
  bufFlag[nv] = flag
  return nv + 1
}

function ensure(n: number): void {
  if (bufFlag.length >= n) return
  const size = Math.max(n, bufFlag.length * 2)
  const xy = new Float64Array(size * 2)
  xy.set(bufXY)
  const fl = new Uint8Array(size)
  fl.set(bufFlag)
  bufXY = xy
  bufFlag = fl
}

// The clip box is widened by this many px, so a line along the view's edge is not cut in half.
const CLIP_PAD = 2

/**
 * Draws points `from` (default 0) … count−1 of a trajectory (xs[k], ys[k] in parameter units): one polyline, a dot at each
 * kept iterate (the lecture's "black dots joined by lines"), a black start dot and a current-position
 * marker. Efficient for 100 000 points: points within `decimate` px of the last kept one are skipped, the
 * whole line is one path, dots only when not too dense. Non-finite points (a diverged run) break the line.
 * The path stops at the edge of the view (`clipBox`) where it leaves it and resumes where it re-enters; steps
 * from outside to outside are left out. (Before, they were clipped to a box 10⁶ px wide, and every step of a
 * run diverging across a canyon became a full-height line: the "barcode" over scene 3's last cards.) The
 * overlay marks a racer that is off the view at the edge (`offViewExit`). Allocates nothing in steady state.
 */
export function drawTrajectory(
  ctx: Ctx2D,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  count: number,
  scales: DrawScales,
  style: TrajectoryStyle = {},
): TrajectoryDrawInfo {
  const color = style.color ?? lectureColors.trajectory
  const k = linePxAt(style.scale, 1)
  const r = (style.dotRadius ?? 2) * k
  const lineWidth = (style.lineWidth ?? 1.25) * k
  const dec = style.decimate ?? 0.5
  const maxDots = style.maxDots ?? 4000
  const halo = style.halo ?? true
  const { kx, ox, ky, oy, widthPx: w, heightPx: h } = scales
  const n = Math.min(count, xs.length, ys.length)
  const d2 = dec * dec
  const box = style.clipBox ?? { left: 0, top: 0, width: w, height: h }
  const g0x = box.left - CLIP_PAD
  const g1x = box.left + box.width + CLIP_PAD
  const g0y = box.top - CLIP_PAD
  const g1y = box.top + box.height + CLIP_PAD

  let nv = 0
  let penUp = true
  let prevOk = false
  let prevInside = false
  let prevX = 0
  let prevY = 0
  let first = -1
  let current = -1

  const from = Math.max(0, style.from ?? 0)
  for (let i = from; i < n; i++) {
    const px = ox + kx * xs[i]
    const py = oy + ky * ys[i]
    // px − px is 0 only for finite px: NaN and ±∞ (also from overflowing kx·x) open a gap.
    if (px - px !== 0 || py - py !== 0) {
      prevOk = false
      penUp = true
      continue
    }
    if (first < 0) first = i
    current = i
    const inside = px >= g0x && px <= g1x && py >= g0y && py <= g1y
    if (inside && (!prevOk || prevInside)) {
      if (penUp) {
        nv = pushVertex(nv, px, py, MOVE)
        penUp = false
      } else {
        const dx = px - bufXY[2 * nv - 2]
        const dy = py - bufXY[2 * nv - 1]
        const dd = dx * dx + dy * dy
        // The last point (current position) is always drawn exactly, unless it repeats the last vertex.
        if (dd >= d2 || (i === n - 1 && dd > 0)) nv = pushVertex(nv, px, py, 0)
      }
    } else if (prevOk && !inside && !prevInside) {
      // Outside to outside: not drawn, even where the step crosses the view.
      penUp = true
    } else if (prevOk) {
      if (!clipSegment(prevX, prevY, px, py, g0x, g0y, g1x, g1y)) penUp = true
      else {
        const t0 = clipT[0]
        const t1 = clipT[1]
        if (penUp || t0 > 0)
          nv = pushVertex(nv, prevX + t0 * (px - prevX), prevY + t0 * (py - prevY), MOVE | SYNTH)
        if (t1 < 1) {
          nv = pushVertex(nv, prevX + t1 * (px - prevX), prevY + t1 * (py - prevY), SYNTH)
          penUp = true
        } else {
          nv = pushVertex(nv, px, py, 0)
          penUp = false
        }
      }
    }
    prevOk = true
    prevInside = inside
    prevX = px
    prevY = py
  }

  let onScreen = 0
  for (let k = 0; k < nv; k++) {
    const x = bufXY[2 * k]
    const y = bufXY[2 * k + 1]
    if ((bufFlag[k] & SYNTH) === 0 && x >= -r && x <= w + r && y >= -r && y <= h + r) onScreen++
  }
  const dots = r > 0 && onScreen <= maxDots ? onScreen : 0
  ctx.save()
  ctx.setLineDash([])
  ctx.globalAlpha = 1
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  // The line is traced once and stroked twice (halo, then colour): vertices are the cost for long runs.
  if (nv > 1) {
    tracePolyline(ctx, nv)
    if (halo) {
      ctx.strokeStyle = lectureColors.halo
      ctx.lineWidth = lineWidth + 2 * k
      ctx.stroke()
    }
    if (style.dash !== undefined && style.dash.length > 0) ctx.setLineDash(dashAt(style.scale, style.dash))
    ctx.strokeStyle = color
    ctx.lineWidth = lineWidth
    ctx.stroke()
    ctx.setLineDash([])
  }
  // Dots get a thin white ring (matplotlib's white marker edge), so each iterate stands out on its line.
  if (dots > 0) {
    traceDots(ctx, nv, r, w, h)
    if (halo) {
      ctx.strokeStyle = lectureColors.halo
      ctx.lineWidth = 1.5 * k
      ctx.stroke()
    }
    ctx.fillStyle = color
    ctx.fill()
  }
  if ((style.startMarker ?? true) && first === 0)
    marker(
      ctx,
      ox + kx * xs[first],
      oy + ky * ys[first],
      Math.max(3.5 * k, r + 1.5 * k),
      lectureColors.start,
      1.5 * k,
      w,
      h,
    )
  if ((style.currentMarker ?? true) && current >= 0)
    marker(ctx, ox + kx * xs[current], oy + ky * ys[current], currentRadius(r, k), color, 2 * k, w, h)
  ctx.restore()
  return { vertices: nv, dots, current }
}

function tracePolyline(ctx: Ctx2D, nv: number): void {
  ctx.beginPath()
  for (let k = 0; k < nv; k++) {
    if ((bufFlag[k] & MOVE) !== 0) ctx.moveTo(bufXY[2 * k], bufXY[2 * k + 1])
    else ctx.lineTo(bufXY[2 * k], bufXY[2 * k + 1])
  }
}

function traceDots(ctx: Ctx2D, nv: number, r: number, w: number, h: number): void {
  ctx.beginPath()
  for (let k = 0; k < nv; k++) {
    if ((bufFlag[k] & SYNTH) !== 0) continue
    const x = bufXY[2 * k]
    const y = bufXY[2 * k + 1]
    if (x < -r || x > w + r || y < -r || y > h + r) continue
    ctx.moveTo(x + r, y)
    ctx.arc(x, y, r, 0, TAU)
  }
}

const currentRadius = (dotRadius: number, k = 1): number => Math.max(5 * k, dotRadius + 3 * k)

/**
 * The current-position marker alone (a big dot in the racer's colour with a white ring), for an overlay layer
 * redrawn every frame above an append-only trail (`TrajectoryStyle.from`). Nothing is drawn off screen or for a
 * non-finite point.
 */
export function drawCurrentMarker(
  ctx: Ctx2D,
  scales: DrawScales,
  p: ParamLike,
  color: string,
  dotRadius = 2,
  scale?: DrawScale,
): void {
  const k = linePxAt(scale, 1)
  const x = scales.ox + scales.kx * p[0]
  const y = scales.oy + scales.ky * p[1]
  ctx.save()
  ctx.globalAlpha = 1
  ctx.setLineDash([])
  marker(ctx, x, y, currentRadius(dotRadius * k, k), color, 2 * k, scales.widthPx, scales.heightPx)
  ctx.restore()
}

/** A filled dot with a white ring, skipped when off screen. */
function marker(
  ctx: Ctx2D,
  x: number,
  y: number,
  r: number,
  fill: string,
  ring: number,
  w: number,
  h: number,
): void {
  if (!(x >= -r && x <= w + r && y >= -r && y <= h + r)) return
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arc(x, y, r, 0, TAU)
  ctx.fillStyle = fill
  ctx.fill()
  ctx.strokeStyle = lectureColors.halo
  ctx.lineWidth = ring
  ctx.stroke()
}

/** Output of `clipSegment`: [t0, t1]. */
const clipT = new Float64Array(2)

/**
 * Liang–Barsky: whether the segment (ax, ay) → (bx, by) meets the box [x0, x1] × [y0, y1]; if so the part
 * inside is t ∈ [clipT[0], clipT[1]] ⊆ [0, 1] of a + t·(b − a). Writes into `clipT` so it allocates nothing.
 */
function clipSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  clipT[0] = 0
  clipT[1] = 1
  const dx = bx - ax
  const dy = by - ay
  return clipEdge(-dx, ax - x0) && clipEdge(dx, x1 - ax) && clipEdge(-dy, ay - y0) && clipEdge(dy, y1 - ay)
}

// One boundary: the segment enters (p < 0) or leaves (p > 0) the half-plane at t = q/p.
function clipEdge(p: number, q: number): boolean {
  if (p === 0) return q >= 0
  const t = q / p
  if (p < 0) {
    if (t > clipT[1]) return false
    if (t > clipT[0]) clipT[0] = t
  } else {
    if (t < clipT[0]) return false
    if (t < clipT[1]) clipT[1] = t
  }
  return true
}

export interface MinimaStyle {
  /** Half the width of each ×, px (default 6). */
  sizePx?: number
  /** Default the lecture's yellow/orange. */
  color?: string
  /** Presenter scale: multiplies the size and the strokes (default 1×). */
  scale?: DrawScale
}

/**
 * Marks known minima with the lecture's yellow × over a dark outline, so it reads on blue (low loss) and on
 * white. One path, two strokes.
 */
export function drawMinima(
  ctx: Ctx2D,
  points: readonly ParamLike[],
  scales: AffineScales,
  style: MinimaStyle = {},
): void {
  const k = linePxAt(style.scale, 1)
  const s = (style.sizePx ?? 6) * k
  ctx.save()
  ctx.setLineDash([])
  ctx.globalAlpha = 1
  ctx.lineCap = 'round'
  ctx.beginPath()
  for (const p of points) {
    const x = scales.ox + scales.kx * p[0]
    const y = scales.oy + scales.ky * p[1]
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue
    ctx.moveTo(x - s, y - s)
    ctx.lineTo(x + s, y + s)
    ctx.moveTo(x - s, y + s)
    ctx.lineTo(x + s, y - s)
  }
  ctx.strokeStyle = lectureColors.outline
  ctx.lineWidth = 4.5 * k
  ctx.stroke()
  ctx.strokeStyle = style.color ?? lectureColors.minimum
  ctx.lineWidth = 2.25 * k
  ctx.stroke()
  ctx.restore()
}
