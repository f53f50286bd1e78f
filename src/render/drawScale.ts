/**
 * How big and in which colours the painters draw: one small object the panels pass down to every painter
 * (never a global), so presenter mode reaches what the canvases draw, not only the HTML around them.
 *
 * - `text` multiplies every font size (tick labels, λ labels, legends, contour labels);
 * - `line` multiplies every line width, dot and marker radius, arrow shaft and head, and dash pattern;
 * - `profile` is the colour profile: 'screen' (the lecture's colours on the full-strength palette) or
 *   'projector' (a light, washed-out palette under dark, thick paths and darker contours: a projector shows
 *   black as "no light", so a dark path on the dark end of a palette disappears on the wall).
 */
export interface DrawScale {
  readonly text: number
  readonly line: number
  readonly profile: ColorProfile
}

/** The colour profiles of the canvases (see `DrawScale.profile`). */
export type ColorProfile = 'screen' | 'projector'
export const COLOR_PROFILES: readonly ColorProfile[] = ['screen', 'projector']

/** Drawing at the painters' own sizes, in the lecture's colours. */
export const SCREEN_SCALE: DrawScale = { text: 1, line: 1, profile: 'screen' }

/** The smallest font any painter uses (chart ticks), CSS px. */
export const SMALLEST_FONT_PX = 11
/** The thinnest path a painter strokes (a trajectory, a chart curve), CSS px. */
export const THINNEST_PATH_PX = 1.25
/** Presenter mode's targets at a 1080-px-high viewport (issue #9: text ≥ 24 px, paths ≥ 3 px from the back row). */
export const PRESENTER_FONT_PX = 24
export const PRESENTER_PATH_PX = 3
const REFERENCE_HEIGHT_PX = 1080

/**
 * The presenter's scale for a viewport `viewportHeightPx` CSS px high: at 1080 px the smallest font becomes
 * `PRESENTER_FONT_PX` (24/11 ≈ 2.18×) and the thinnest path `PRESENTER_PATH_PX` (3/1.25 = 2.4×); other heights
 * scale in proportion (720 px: ≈ 1.45× and 1.6×), never below 1 (presenter mode never shrinks a drawing).
 */
export function presenterDrawScale(viewportHeightPx: number, profile: ColorProfile = 'projector'): DrawScale {
  const k =
    Number.isFinite(viewportHeightPx) && viewportHeightPx > 0 ? viewportHeightPx / REFERENCE_HEIGHT_PX : 1
  return {
    text: Math.max(1, (PRESENTER_FONT_PX / SMALLEST_FONT_PX) * k),
    line: Math.max(1, (PRESENTER_PATH_PX / THINNEST_PATH_PX) * k),
    profile,
  }
}

/**
 * The scale a panel passes down: the presenter's when presenter mode is on, else the screen's sizes; the
 * colour profile is `profile` when one was chosen, else 'projector' exactly in presenter mode.
 */
export function drawScaleFor(
  presenter: boolean,
  viewportHeightPx: number,
  profile?: ColorProfile,
): DrawScale {
  const chosen = profile ?? (presenter ? 'projector' : 'screen')
  if (presenter) return presenterDrawScale(viewportHeightPx, chosen)
  return chosen === SCREEN_SCALE.profile ? SCREEN_SCALE : { ...SCREEN_SCALE, profile: chosen }
}

/** A font size of `basePx` at this scale, CSS px. */
export function fontPxAt(scale: DrawScale | undefined, basePx: number): number {
  return basePx * (scale?.text ?? 1)
}

/** A line width, radius or length of `basePx` at this scale, CSS px. */
export function linePxAt(scale: DrawScale | undefined, basePx: number): number {
  return basePx * (scale?.line ?? 1)
}

/** A dash pattern at this scale. */
export function dashAt(scale: DrawScale | undefined, dash: readonly number[]): number[] {
  const k = scale?.line ?? 1
  return dash.map((d) => d * k)
}

/** `scale.text,scale.line,profile` with 3 decimals (the panels' `data-draw-scale`, read by the e2e tests). */
export function drawScaleAttr(scale: DrawScale): string {
  return `${scale.text.toFixed(3)},${scale.line.toFixed(3)},${scale.profile}`
}
