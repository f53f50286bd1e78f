import type { Extent, Vec2 } from '../../core/types'

/**
 * How far the escape button steps along the escape direction u₁ (a unit vector): 1 parameter unit, i.e. θ′ + u₁
 * as on Li Hongyi's slide up to the normalisation of u (he takes u = (1, 1), we take its unit vector; on the
 * saddle at the origin L drops from 1 to ¼). In a view whose shorter side spans more than 10 units, a unit step
 * would hardly show, so the step is a tenth of that side instead.
 */
export function escapeScale(view: Extent): number {
  const span = Math.min(view.x[1] - view.x[0], view.y[1] - view.y[0])
  return span > 10 ? span / 10 : 1
}

/** The new start θ′ + s·u for the critical point θ′, the unit escape direction u and the step s. */
export function escapeStart(point: Vec2, direction: Vec2, scale: number): Vec2 {
  return [point[0] + scale * direction[0], point[1] + scale * direction[1]]
}
