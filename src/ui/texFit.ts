/** A display formula is never shrunk below this fraction of its size (smaller than that, it scrolls). */
export const MIN_TEX_SCALE = 0.5

/**
 * The font scale at which a formula fits its box: `naturalWidth` is its width (px) at full size, `boxWidth` the
 * room it has. Width is linear in the font size, so scale = boxWidth / naturalWidth, clamped to
 * [MIN_TEX_SCALE, 1] (a formula that fits keeps its size, never grows). Unmeasurable input gives 1.
 */
export function texFitScale(naturalWidth: number, boxWidth: number): number {
  if (!(naturalWidth > 0) || !(boxWidth > 0)) return 1
  return Math.max(MIN_TEX_SCALE, Math.min(1, boxWidth / naturalWidth))
}
