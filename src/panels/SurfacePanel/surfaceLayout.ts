import type { Extent } from '../../core/types'
import type { Extent as ViewExtent } from '../../core/types'
import { axesMargin } from '../../render/axes'
import type { DrawScale } from '../../render/drawScale'
import { fitExtent, viewScales } from '../../render/scales'
import type { ViewScales } from '../../render/scales'

/** Contour levels traced per grid (a flat colour band between each two, as matplotlib's `contourf`). */
export const CONTOUR_LEVELS = 20

/** Most grid nodes per axis: 256² costs ~1 ms to paint and 20–90 ms to contour in the worker. */
export const MAX_GRID_NODES = 256
/** Grid sizes move in steps of this many nodes, so a resize by a few pixels requests nothing new. */
export const GRID_STEP = 32

/** Tick-label size for a canvas this wide: smaller on phones, larger on a projector. */
export function surfaceFontPx(widthPx: number): number {
  if (widthPx < 480) return 11
  if (widthPx >= 1600) return 16
  return 12
}

/** The margin around the plot area that leaves room for the axes at `surfaceFontPx(widthPx)` and `scale`. */
export function surfaceMargin(widthPx: number, scale?: DrawScale): ReturnType<typeof axesMargin> {
  return axesMargin(surfaceFontPx(widthPx), scale)
}

/**
 * The scales of `view` on a `widthPx × heightPx` canvas: the smallest extent that contains `view`, keeps its
 * centre and gives one unit of w₁ as many pixels as one unit of w₂ (`fitExtent`), so a surface is never
 * stretched (contours and gradients stay perpendicular, circles stay round): a frame of another aspect shows
 * more of the surface instead. Throws when the plot area has no size.
 */
export function squareViewScales(
  view: ViewExtent,
  widthPx: number,
  heightPx: number,
  scale?: DrawScale,
): ViewScales {
  const m = surfaceMargin(widthPx, scale)
  // A tiny canvas (a banner-sized embed) still gets a plot: the margins give up to half of each side, so the
  // grid is always requested and the surface never waits forever on "Computing…".
  const k = Math.min(1, widthPx / 2 / (m.left + m.right), heightPx / 2 / (m.top + m.bottom))
  const margin = k < 1 ? { top: m.top * k, right: m.right * k, bottom: m.bottom * k, left: m.left * k } : m
  const size = { widthPx, heightPx, margin }
  return viewScales(fitExtent(view, size), size)
}

/** `left,top,width,height` of the plot area in CSS px (the panel's `data-plot`, read by the e2e tests). */
export function plotAttr(scales: ViewScales): string {
  const { left, top, width, height } = scales.plot
  return `${left},${top},${width},${height}`
}

/**
 * Grid nodes for a plot of `plotPx` CSS pixels on one axis: about one node per 2 px, rounded up to a multiple of
 * `GRID_STEP` and clamped to [GRID_STEP, MAX_GRID_NODES] (the worker samples, the page only scales the image).
 */
export function gridNodesFor(plotPx: number): number {
  if (!(plotPx > 0)) return GRID_STEP
  const nodes = Math.ceil(plotPx / 2 / GRID_STEP) * GRID_STEP
  return Math.max(GRID_STEP, Math.min(MAX_GRID_NODES, nodes))
}

/** A d3-zoom transform: screen = k·p + (x, y), for p a position on the canvas when the gesture began. */
export interface ZoomTransformLike {
  k: number
  x: number
  y: number
}

/**
 * The extent shown after a zoom/pan gesture: `base` is the view when the gesture began (its scales), `t` the
 * gesture's d3-zoom transform. The plot's corners on screen came from canvas positions (corner − t)/k of the
 * base view, so x runs from base.pxToX((left − t.x)/k) to base.pxToX((right − t.x)/k), and y (up) from the
 * bottom edge to the top edge likewise. The identity transform gives the base extent back.
 */
export function extentFromTransform(base: ViewScales, t: ZoomTransformLike): Extent {
  const { left, top, width, height } = base.plot
  const back = (screen: number, offset: number): number => (screen - offset) / t.k
  return {
    x: [base.pxToX(back(left, t.x)), base.pxToX(back(left + width, t.x))],
    y: [base.pyToY(back(top + height, t.y)), base.pyToY(back(top, t.y))],
  }
}

/**
 * Zooms `view` about its centre: every half-width is divided by `factor` (> 1 zooms in). The +/− buttons and
 * keys use factor 1.5 and 1/1.5, which undo each other.
 */
export function zoomViewBy(view: Extent, factor: number): Extent {
  const cx = (view.x[0] + view.x[1]) / 2
  const cy = (view.y[0] + view.y[1]) / 2
  const hx = (view.x[1] - view.x[0]) / 2 / factor
  const hy = (view.y[1] - view.y[0]) / 2 / factor
  return { x: [cx - hx, cx + hx], y: [cy - hy, cy + hy] }
}

/** Moves `view` by fractions of its own size: fx = 0.1 shifts it a tenth of its width to the right (y up). */
export function panViewBy(view: Extent, fx: number, fy: number): Extent {
  const dx = fx * (view.x[1] - view.x[0])
  const dy = fy * (view.y[1] - view.y[0])
  return { x: [view.x[0] + dx, view.x[1] + dx], y: [view.y[0] + dy, view.y[1] + dy] }
}

/**
 * True when an extent can be shown and sampled: finite, ordered, and wider than 10⁻⁹ of its own magnitude on
 * both axes (beyond that, neighbouring pixels map to the same double and the picture falls apart).
 */
export function isUsableView(view: Extent): boolean {
  const ok = (lo: number, hi: number): boolean =>
    Number.isFinite(lo) && Number.isFinite(hi) && hi - lo > 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi))
  return ok(view.x[0], view.x[1]) && ok(view.y[0], view.y[1])
}

/** `x0,x1,y0,y1` with every digit (the panel's `data-view` attribute, read by the e2e tests). */
export function viewAttr(view: Extent): string {
  return `${view.x[0]},${view.x[1]},${view.y[0]},${view.y[1]}`
}
