import type { Extent, Vec2 } from '../core/types'

/**
 * A point of parameter space (θ₁, θ₂), branded so it cannot be mixed up with a pixel position (excalidraw's
 * `GlobalPoint`/`LocalPoint`). Build one with `paramPoint(x, y)`.
 */
export type ParamPoint = readonly [x: number, y: number] & { readonly _brand: 'render/ParamPoint' }

/** A position on the canvas in CSS pixels, x to the right and y DOWN. Build one with `pixelPoint(x, y)`. */
export type PixelPoint = readonly [x: number, y: number] & { readonly _brand: 'render/PixelPoint' }

/**
 * A point or vector of parameter space: a branded `ParamPoint` or the core's `Vec2` (which is parameter space by
 * definition). A `PixelPoint` is rejected: it is readonly and carries the other brand.
 */
export type ParamLike = ParamPoint | Vec2

export function paramPoint(x: number, y: number): ParamPoint {
  return [x, y] as unknown as ParamPoint
}

export function pixelPoint(x: number, y: number): PixelPoint {
  return [x, y] as unknown as PixelPoint
}

/** Blank space around the plot area in px; a number applies to all four sides. */
export type Margin = number | { top: number; right: number; bottom: number; left: number }

/** Size of the drawing surface in CSS px and the margin left around the plot area (default 0). */
export interface ViewSize {
  widthPx: number
  heightPx: number
  margin?: Margin
}

/** A rectangle in CSS px (top-left corner, size). */
export interface PlotRect {
  left: number
  top: number
  width: number
  height: number
}

/**
 * The affine map parameter → pixel as four numbers, for hot loops that must not call a function per point:
 * px = ox + kx·x and py = oy + ky·y. `ky` is negative because the y axis points up.
 */
export interface AffineScales {
  readonly kx: number
  readonly ox: number
  readonly ky: number
  readonly oy: number
}

/** What painters that cull off-screen marks need: the param → pixel map and the canvas size in px. */
export interface DrawScales extends AffineScales {
  readonly widthPx: number
  readonly heightPx: number
}

/** The view of one surface: the extent shown, where it sits on the canvas, and both directions of the map. */
export interface ViewScales extends DrawScales {
  readonly extent: Extent
  /** The plot area: the extent fills it exactly (x min at its left edge, y max at its top edge). */
  readonly plot: PlotRect
  paramToPixel(p: ParamLike): PixelPoint
  pixelToParam(p: PixelPoint): ParamPoint
  xToPx(x: number): number
  yToPx(y: number): number
  pxToX(px: number): number
  pyToY(py: number): number
}

function toMargin(m: Margin | undefined): { top: number; right: number; bottom: number; left: number } {
  if (m === undefined) return { top: 0, right: 0, bottom: 0, left: 0 }
  return typeof m === 'number' ? { top: m, right: m, bottom: m, left: m } : m
}

function checkExtent(extent: Extent): void {
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  if (!(
    Number.isFinite(x0) &&
    Number.isFinite(x1) &&
    x0 < x1 &&
    Number.isFinite(y0) &&
    Number.isFinite(y1) &&
    y0 < y1
  ))
    throw new Error(`invalid extent x=[${x0}, ${x1}] y=[${y0}, ${y1}]`)
}

/**
 * Maps `extent` onto the plot area of a `widthPx × heightPx` surface (minus `margin`), with the y axis
 * pointing UP: param (x₀, y₁) is the plot's top-left corner, (x₁, y₀) its bottom-right. The two axes are
 * scaled independently (the Pokémon valley is 100 units wide and 10 tall); use `fitExtent` first for equal
 * units per pixel. Throws on an empty or non-finite extent or a plot area without size.
 */
export function viewScales(extent: Extent, view: ViewSize): ViewScales {
  checkExtent(extent)
  const m = toMargin(view.margin)
  const plot: PlotRect = {
    left: m.left,
    top: m.top,
    width: view.widthPx - m.left - m.right,
    height: view.heightPx - m.top - m.bottom,
  }
  if (!(plot.width > 0 && plot.height > 0)) throw new Error(`invalid plot size ${plot.width}×${plot.height}`)
  const [x0, x1] = extent.x
  const [y0, y1] = extent.y
  const kx = plot.width / (x1 - x0)
  const ky = -plot.height / (y1 - y0)
  const ox = plot.left - kx * x0
  const oy = plot.top - ky * y1
  return {
    extent: { x: [x0, x1], y: [y0, y1] },
    widthPx: view.widthPx,
    heightPx: view.heightPx,
    plot,
    kx,
    ox,
    ky,
    oy,
    paramToPixel: (p) => pixelPoint(ox + kx * p[0], oy + ky * p[1]),
    pixelToParam: (p) => paramPoint((p[0] - ox) / kx, (p[1] - oy) / ky),
    xToPx: (x) => ox + kx * x,
    yToPx: (y) => oy + ky * y,
    pxToX: (px) => (px - ox) / kx,
    pyToY: (py) => (py - oy) / ky,
  }
}

/**
 * Zooms about `centre`: every distance to the centre is divided by `factor`, so factor > 1 zooms in and
 * 1/factor undoes it. The centre keeps its place on screen, which is what a wheel zoom under the cursor needs
 * (`factor = Math.exp(-deltaY · 0.002)` feels natural). Throws unless factor is positive and finite.
 */
export function zoomExtent(extent: Extent, centre: ParamLike, factor: number): Extent {
  if (!(factor > 0 && Number.isFinite(factor))) throw new Error(`invalid zoom factor ${factor}`)
  const [cx, cy] = centre
  return {
    x: [cx + (extent.x[0] - cx) / factor, cx + (extent.x[1] - cx) / factor],
    y: [cy + (extent.y[0] - cy) / factor, cy + (extent.y[1] - cy) / factor],
  }
}

/**
 * Pans by a drag of (dxPx, dyPx) screen pixels (right and down positive): the content follows the pointer,
 * so the parameter point under the pointer when the drag began is under it again afterwards. `scales` is the
 * view the drag started in.
 */
export function panExtent(extent: Extent, dxPx: number, dyPx: number, scales: AffineScales): Extent {
  const dx = -dxPx / scales.kx
  const dy = -dyPx / scales.ky
  return { x: [extent.x[0] + dx, extent.x[1] + dx], y: [extent.y[0] + dy, extent.y[1] + dy] }
}

/**
 * The smallest extent that contains `extent`, has the same centre and gives one parameter unit the same number
 * of pixels on both axes in the plot area of `view`, so circles look round (the lecture's "normalization makes
 * the ellipse a circle" needs it). The axis with fewer pixels per unit keeps its range; the other one grows.
 */
export function fitExtent(extent: Extent, view: ViewSize): Extent {
  checkExtent(extent)
  const m = toMargin(view.margin)
  const w = view.widthPx - m.left - m.right
  const h = view.heightPx - m.top - m.bottom
  if (!(w > 0 && h > 0)) throw new Error(`invalid plot size ${w}×${h}`)
  const unitsPerPx = Math.max((extent.x[1] - extent.x[0]) / w, (extent.y[1] - extent.y[0]) / h)
  const cx = (extent.x[0] + extent.x[1]) / 2
  const cy = (extent.y[0] + extent.y[1]) / 2
  const hx = (unitsPerPx * w) / 2
  const hy = (unitsPerPx * h) / 2
  return { x: [cx - hx, cx + hx], y: [cy - hy, cy + hy] }
}
