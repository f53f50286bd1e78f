/**
 * The width of the flat region around a minimum along one line of samples: with m = min values[k], the
 * longest run of consecutive samples containing the argmin whose values stay within `tolerance` of it
 * (v ≤ m + tolerance·|m|, default 10%), measured in the axis' units as t[hi] − t[lo]. A wide run is a flat
 * minimum, a narrow one a sharp minimum (Keskar et al., 2017). The resolution is the axis' spacing; a run
 * that reaches the end of the axis is cut there. NaN when no value is finite.
 */
export function flatWidth(values: ArrayLike<number>, t: ArrayLike<number>, tolerance = 0.1): number {
  let best = -1
  for (let k = 0; k < values.length; k++) {
    if (Number.isFinite(values[k]) && (best < 0 || values[k] < values[best])) best = k
  }
  if (best < 0) return NaN
  const limit = values[best] + tolerance * Math.abs(values[best])
  let lo = best
  let hi = best
  while (lo > 0 && values[lo - 1] <= limit) lo--
  while (hi < values.length - 1 && values[hi + 1] <= limit) hi++
  return t[hi] - t[lo]
}
