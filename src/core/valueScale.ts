/**
 * How loss values map to [0, 1] for colours and contour levels. The heatmap (src/render) and the contour levels
 * the worker traces (contours.ts) share it, so a contour line always sits on a colour-band edge.
 */

/** Decades that `spansDecades` asks for by default. */
export const LOG_RULE_DECADES = 3

/**
 * The automatic log rule: true when the values are all positive and max/min ≥ 10^decades (default 10³), e.g.
 * the Pokémon valley's loss from 1.0·10⁴ to 10⁷. Surfaces whose minimum is 0 (Rosenbrock) cannot be judged
 * from the range alone; they opt in with `Surface.logContours`.
 */
export function spansDecades(min: number, max: number, decades = LOG_RULE_DECADES): boolean {
  return min > 0 && max >= min * 10 ** decades
}

/**
 * The rule the heatmap and the levels apply: log exactly when the surface asks for it (`hint`, from
 * `Surface.logContours`). The range is deliberately not consulted: on a surface whose minimum is 0 (the saddle)
 * the sampled minimum is 0 or a tiny positive number depending on where the grid nodes fall, so a range rule
 * would switch the colours between zoom levels. `spansDecades` stays available to say when a surface should
 * opt in. (`min`/`max` are kept in the signature so callers need not change if the rule ever does.)
 */
export function wantsLogScale(_min: number, _max: number, hint: boolean): boolean {
  return hint
}

/**
 * Default ε of the log mapping: 10⁻⁴ of the range, so the colours cover four decades of (v − min) below
 * the top. A flat grid (max = min) gets ε = 1.
 */
export function defaultLogEpsilon(min: number, max: number): number {
  const range = max - min
  return range > 0 ? range * 1e-4 : 1
}

/**
 * A value → unit map: t(v) = (g(v) − offset)·scale with g(v) = ln(v − min + ε) when `log`, g(v) = v
 * otherwise; t(min) = 0 and t(max) = 1. Hot loops read `offset` and `scale` and inline the formula.
 */
export interface ValueNormalizer {
  readonly min: number
  readonly max: number
  readonly log: boolean
  readonly epsilon: number
  readonly offset: number
  /** 1/(g(max) − g(min)); 0 for a flat range, which sends every value to t = 0. */
  readonly scale: number
  /** t(v), not clamped; NaN for v < min − ε in log mode. */
  toUnit(v: number): number
  /** The inverse: the value whose t is `t`. */
  fromUnit(t: number): number
}

/**
 * Builds the map for values in [min, max]. Throws on non-finite bounds, max < min or ε ≤ 0.
 */
export function createValueNormalizer(
  min: number,
  max: number,
  log: boolean,
  epsilon = defaultLogEpsilon(min, max),
): ValueNormalizer {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max >= min))
    throw new Error(`invalid value range [${min}, ${max}]`)
  if (!(epsilon > 0 && Number.isFinite(epsilon))) throw new Error(`invalid log epsilon ${epsilon}`)
  const g0 = log ? Math.log(epsilon) : min
  const g1 = log ? Math.log(max - min + epsilon) : max
  const scale = g1 > g0 ? 1 / (g1 - g0) : 0
  return {
    min,
    max,
    log,
    epsilon,
    offset: g0,
    scale,
    toUnit: log ? (v) => (Math.log(v - min + epsilon) - g0) * scale : (v) => (v - g0) * scale,
    fromUnit: log ? (t) => Math.exp(g0 + t * (g1 - g0)) + min - epsilon : (t) => g0 + t * (g1 - g0),
  }
}
