import type { Dataset } from '../../core/mlp/types'
import type { Extent } from '../../core/types'

/** Grid nodes per axis of the decision-boundary frames: 64² outputs per run per frame (≈ 0.2 ms). */
export const LAB_GRID_SIZE = 64

/** The course's view of dot.csv: [−3, 3]² (where the PKU script draws its contour). */
export const LAB_EXTENT: Extent = { x: [-3, 3], y: [-3, 3] }

/** Share of the points that must lie in [−3, 3]² for the course's view to be kept. */
const INSIDE_SHARE = 0.95

/**
 * The boundary view for a data set: [−3, 3]² when at least 95 % of the points lie inside it (dot.csv, where
 * 3 of 300 points fall outside and the course's plot cuts them off, and the generated sets), else the
 * points' bounding box with 5 % padding (at least 0.5 on each side), so a user's file in other units is
 * never drawn off the canvas.
 */
export function dataExtent(dataset: Dataset): Extent {
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  let inside = 0
  const [ex0, ex1] = LAB_EXTENT.x
  const [ey0, ey1] = LAB_EXTENT.y
  for (let i = 0; i < dataset.n; i++) {
    const a = dataset.x[2 * i]
    const b = dataset.x[2 * i + 1]
    if (a < x0) x0 = a
    if (a > x1) x1 = a
    if (b < y0) y0 = b
    if (b > y1) y1 = b
    if (a >= ex0 && a <= ex1 && b >= ey0 && b <= ey1) inside++
  }
  if (!(x0 <= x1 && y0 <= y1) || inside >= INSIDE_SHARE * dataset.n) return structuredClone(LAB_EXTENT)
  const padX = Math.max(0.5, 0.05 * (x1 - x0))
  const padY = Math.max(0.5, 0.05 * (y1 - y0))
  return { x: [x0 - padX, x1 + padX], y: [y0 - padY, y1 + padY] }
}
