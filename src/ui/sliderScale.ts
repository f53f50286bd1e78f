import type { ParamSpec } from '../core/types'

/** What a slider needs of a `ParamSpec` (core/types.ts): its range, increment, scale and integrality. */
export type SliderScale = Pick<ParamSpec, 'min' | 'max' | 'step' | 'scale'> & { integer?: boolean }

/** The `<input type="range">` bounds of a scale: the value range, or log₁₀ of it on a log scale. */
export function sliderBounds(scale: SliderScale): { min: number; max: number; step: number } {
  if (scale.scale === 'log')
    return { min: Math.log10(scale.min), max: Math.log10(scale.max), step: scale.step }
  return { min: scale.min, max: scale.max, step: scale.step }
}

/**
 * The slider position of a value: the value itself, or log₁₀ of it on a log scale, clamped into the slider's
 * range (a value typed outside it, such as η = 100, pins the thumb at the end). A non-positive value on a log
 * scale sits at the left end.
 */
export function toSliderPosition(value: number, scale: SliderScale): number {
  const b = sliderBounds(scale)
  const p = scale.scale === 'log' ? (value > 0 ? Math.log10(value) : b.min) : value
  return Math.min(b.max, Math.max(b.min, Number.isFinite(p) ? p : b.min))
}

/**
 * The value at a slider position, tidied for people and links: on a log scale 10^position with 2 significant
 * digits (10 positions per decade give 1, 1.3, 1.6, 2, 2.5, 3.2, 4, 5, 6.3, 7.9); on a linear scale snapped to
 * the increment and stripped of binary noise (0.1 + 0.2 gives 0.3, not 0.30000000000000004); integers
 * rounded. The result stays inside [min, max].
 */
export function fromSliderPosition(position: number, scale: SliderScale): number {
  let v: number
  if (scale.scale === 'log') v = Number((10 ** position).toPrecision(2))
  else {
    const k = Math.round((position - scale.min) / scale.step)
    v = Number((scale.min + k * scale.step).toFixed(Math.max(decimalsOf(scale.step), decimalsOf(scale.min))))
  }
  if (scale.integer) v = Math.round(v)
  return Math.min(scale.max, Math.max(scale.min, v))
}

/** Decimal places of a number such as 0.25 (2) or 1e-4 (4), at most 12. */
function decimalsOf(x: number): number {
  for (let k = 0; k < 12; k++) {
    const scaled = Math.abs(x) * 10 ** k
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return k
  }
  return 12
}
