import { MAX_RACE_STEPS, MAX_RACERS, MAX_SPEED, MIN_SPEED } from '../core/limits'

/**
 * Numeric ranges of every user-editable setting, checked at the store's edges (actions and URL parsing). The
 * sizes the worker checks as well (racers, steps, speed) come from core/limits.ts.
 * A rule is a closed or half-open interval, optionally restricted to integers.
 */
export interface NumberRule {
  min: number
  max: number
  /** The minimum itself is not allowed (e.g. a learning rate must be > 0). */
  minExclusive?: boolean
  /** The maximum itself is not allowed (e.g. a momentum coefficient must be < 1). */
  maxExclusive?: boolean
  integer?: boolean
}

/** True when `v` is a finite number inside the rule's interval (and an integer when required). */
export function isInRule(rule: NumberRule, v: unknown): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false
  if (rule.integer && !Number.isInteger(v)) return false
  if (rule.minExclusive ? v <= rule.min : v < rule.min) return false
  if (rule.maxExclusive ? v >= rule.max : v > rule.max) return false
  return true
}

/**
 * Brings a value from an action into the rule: rounds integers, clamps to an inclusive bound, and returns
 * undefined (= ignore the edit) for non-numbers, NaN, ±Infinity, or a value on the wrong side of an
 * exclusive bound (there is no "nearest" number above 0). −0 becomes 0 so settings compare and serialize
 * cleanly.
 */
export function clampToRule(rule: NumberRule, v: unknown): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined
  let x = rule.integer ? Math.round(v) : v
  if (x < rule.min || (rule.minExclusive && x === rule.min)) {
    if (rule.minExclusive) return undefined
    x = rule.min
  }
  if (x > rule.max || (rule.maxExclusive && x === rule.max)) {
    if (rule.maxExclusive) return undefined
    x = rule.max
  }
  return x + 0
}

/** The largest racer count a race can hold (one colour slot each): the limit the worker checks too. */
export { MAX_RACERS }

/** Ranges of the playground's global settings. */
export const LIMITS = {
  /** Updates per racer. */
  steps: { min: 1, max: MAX_RACE_STEPS, integer: true },
  /** Playback speed in steps per second. */
  speed: { min: MIN_SPEED, max: MAX_SPEED, integer: true },
  /** Any coordinate of a start point or view corner, in parameter units. */
  coordinate: { min: -1e6, max: 1e6 },
  /** Standard deviation of the Gaussian gradient noise. */
  noiseStd: { min: 0, max: 1000 },
  /** Noise seed: a uint32, as `createRng` truncates to one. */
  seed: { min: 0, max: 0xffff_ffff, integer: true },
  /** Steps over which the noise std ramps down to 0. */
  annealSteps: { min: 1, max: 1_000_000, integer: true },
  /** Examples per mini-batch (a data surface uses min(this, N); N or more is the full batch). */
  batch: { min: 1, max: 100_000, integer: true },
} satisfies Record<string, NumberRule>
