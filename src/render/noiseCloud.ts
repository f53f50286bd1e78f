import type { Ctx2D } from './ctx2d'

/** What `drawNoiseCloud` needs of the view: parameters to CSS pixels. */
export interface CloudScales {
  xToPx(x: number): number
  yToPx(y: number): number
}

/** One racer's cloud: its head θ, the batch gradients (interleaved x, y) and ∇L there, and η for the step. */
export interface NoiseCloudView {
  at: readonly [number, number]
  points: ArrayLike<number>
  full: readonly [number, number]
  eta: number
  color: string
}

/**
 * The spread of a cloud: √((1/M)·Σ_b ‖g_b − ∇L‖²) over its M batch gradients (gradient units), the
 * root-mean-square distance to the full-batch gradient; 0 for an empty cloud. For a batch of 1 over all N
 * examples it is √tr Σ of the per-example gradients, as `batchGradientSpread` in the core gives for B = 1.
 */
export function cloudSpread(points: ArrayLike<number>, full: readonly [number, number]): number {
  const m = Math.floor(points.length / 2)
  if (m === 0) return 0
  let s = 0
  for (let i = 0; i < m; i++) s += (points[2 * i] - full[0]) ** 2 + (points[2 * i + 1] - full[1]) ** 2
  return Math.sqrt(s / m)
}

/**
 * Draws the gradient-noise cloud at a racer's head, to scale in parameter space: one dot at θ − η·g_b per
 * mini-batch gradient g_b (where that batch's plain gradient step would land) and a ring at θ − η·∇L, the
 * full-batch step. Small batches scatter widely, the full batch's dots all sit on its ring.
 */
export function drawNoiseCloud(ctx: Ctx2D, scales: CloudScales, cloud: NoiseCloudView): void {
  const [x, y] = cloud.at
  const { eta, points } = cloud
  ctx.save()
  ctx.fillStyle = cloud.color
  ctx.strokeStyle = '#ffffff'
  ctx.lineWidth = 1
  ctx.globalAlpha = 0.75
  for (let i = 0; i + 1 < points.length; i += 2) {
    const px = scales.xToPx(x - eta * points[i])
    const py = scales.yToPx(y - eta * points[i + 1])
    ctx.beginPath()
    ctx.arc(px, py, 2.5, 0, 2 * Math.PI)
    ctx.fill()
    ctx.stroke()
  }
  ctx.globalAlpha = 1
  ctx.strokeStyle = cloud.color
  ctx.lineWidth = 2
  ctx.beginPath()
  ctx.arc(scales.xToPx(x - eta * cloud.full[0]), scales.yToPx(y - eta * cloud.full[1]), 5, 0, 2 * Math.PI)
  ctx.stroke()
  ctx.restore()
}
