/** A display formula is never shrunk below this fraction of its size (smaller than that, it scrolls). */
export const MIN_TEX_SCALE = 0.5

/**
 * The font scale at which a formula fits its box: `contentWidth` is its width (px) drawn at scale `current`,
 * `boxWidth` the room it has. Linear in the font size, so scale = boxWidth / (contentWidth / current), clamped
 * to [MIN_TEX_SCALE, 1] (a formula that fits keeps its size, never grows). Unmeasurable input keeps `current`.
 */
export function texFitScale(current: number, contentWidth: number, boxWidth: number): number {
  if (!(current > 0) || !(contentWidth > 0) || !(boxWidth > 0)) return current
  const natural = contentWidth / current
  return Math.max(MIN_TEX_SCALE, Math.min(1, boxWidth / natural))
}
