/**
 * sech²(u) = 1/cosh²(u) = 1 − tanh²(u), as 4e/(1 + e)² with e = exp(−2|u|): no overflow for large |u| and
 * no cancellation (1 − tanh² loses every digit once tanh rounds to ±1, near |u| ≈ 19).
 */
export function sech2(u: number): number {
  const e = Math.exp(-2 * Math.abs(u))
  const d = 1 + e
  return (4 * e) / (d * d)
}
