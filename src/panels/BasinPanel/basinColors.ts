/** Colours of the basin map: one hue per listed minimum (d3's category10), plus "none" and "diverged". */
export const MINIMUM_COLORS: readonly [number, number, number][] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [23, 190, 207],
]
export const NONE_RGB: [number, number, number] = [200, 200, 200]
export const DIVERGED_RGB: [number, number, number] = [40, 40, 40]

export const rgbCss = ([r, g, b]: readonly number[]): string => `rgb(${r}, ${g}, ${b})`

/**
 * The colour of one start: its minimum's hue, mixed toward white the more steps it needed to get within
 * tolerance (f = 0.7·√(steps/total): a start that arrives at once is fully saturated, one that needs the
 * whole run is pale); grey when it reached no listed minimum, near-black when it diverged.
 */
export function cellRgb(minimum: number, steps: number, total: number): [number, number, number] {
  if (minimum === -2) return DIVERGED_RGB
  if (minimum < 0) return NONE_RGB
  const base = MINIMUM_COLORS[minimum % MINIMUM_COLORS.length]
  const f = 0.7 * Math.sqrt(Math.min(1, Math.max(0, steps / Math.max(1, total))))
  return [0, 1, 2].map((i) => Math.round(base[i] + (255 - base[i]) * f)) as [number, number, number]
}
