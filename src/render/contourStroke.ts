import type { ContourStyle } from './contours'
import { linePxAt } from './drawScale'

/** The contour lines' opacity in the projector profile: on the light palette, pale lines vanish on the wall. */
export const PROJECTOR_CONTOUR_ALPHA = 0.7

/** The widths and opacity of a contour style at its scale and profile. */
export function contourStroke(style: ContourStyle): { alpha: number; minor: number; major: number } {
  const alpha = style.alpha ?? 0.45
  return {
    alpha: style.scale?.profile === 'projector' ? Math.max(alpha, PROJECTOR_CONTOUR_ALPHA) : alpha,
    minor: linePxAt(style.scale, style.lineWidth ?? 0.6),
    major: linePxAt(style.scale, style.majorLineWidth ?? 1.2),
  }
}
