import type { PlotRect } from '../../render/scales'

/** How far above the lowest loss the flat region reaches, as a fraction of it: the landscape's 10% width. */
export const FLAT_TOLERANCE = 0.1

/**
 * Marks the nodes of an n×n landscape (row 0 at β = −span, the core's layout) whose loss is within
 * `FLAT_TOLERANCE` of the lowest one, v ≤ min + 0.1·|min|: the region the printed widths measure along d₁ and
 * d₂. The colours alone cannot show it: each landscape has its own log colour scale, and 10% of its minimum is a
 * sliver of it. Drawn as a white mask of one pixel per node, scaled onto `rect` with smoothing (a soft-edged
 * patch about one grid spacing wider than the nodes it covers), at 70% opacity. `mask` is a reusable canvas.
 */
export function paintFlatRegion(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  n: number,
  min: number,
  rect: PlotRect,
  mask: HTMLCanvasElement,
): void {
  if (!Number.isFinite(min)) return
  const limit = min + FLAT_TOLERANCE * Math.abs(min)
  mask.width = n
  mask.height = n
  const mctx = mask.getContext('2d')
  if (mctx === null) return
  const image = mctx.createImageData(n, n)
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (!(values[j * n + i] <= limit)) continue
      // Image rows run top-down, the grid's rows bottom-up (β grows upwards).
      const o = 4 * ((n - 1 - j) * n + i)
      image.data[o] = image.data[o + 1] = image.data[o + 2] = image.data[o + 3] = 255
    }
  }
  mctx.putImageData(image, 0, 0)
  ctx.save()
  ctx.globalAlpha = 0.7
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(mask, rect.left, rect.top, rect.width, rect.height)
  ctx.restore()
}
