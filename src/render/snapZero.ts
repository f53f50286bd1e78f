/** Relative size below which a displayed value counts as round-off: a few ulps of the largest value shown beside it. */
export const ROUNDOFF_RELATIVE = 1e-12

/**
 * `v` for display, with round-off shown as what it is: 0 when |v| ≤ `relative`·`scale` (scale: the largest
 * magnitude among the values shown together, e.g. both eigenvalues). At (1, 1) on the saddle surface
 * H = [[2, 2], [2, 2]] has eigenvalues 0 and 4, and the solver returns −4.44×10⁻¹⁶ for the 0; a label reading
 * "λ₁ = −4.44×10⁻¹⁶" is noise. Values are snapped only for display; the numbers themselves are never changed.
 */
export function snapZero(v: number, scale: number, relative = ROUNDOFF_RELATIVE): number {
  if (!Number.isFinite(v) || !Number.isFinite(scale)) return v
  return Math.abs(v) <= relative * Math.abs(scale) ? 0 : v
}

/** The values with `snapZero` against the largest finite magnitude among them. */
export function snapZeros(values: readonly number[], relative = ROUNDOFF_RELATIVE): number[] {
  const scale = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs))
  return values.map((v) => snapZero(v, scale, relative))
}
