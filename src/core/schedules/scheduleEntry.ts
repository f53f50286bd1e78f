import { expectInteger, expectNumber } from '../errors'
import type { Bilingual, ParamSpec, ScheduleKind, ScheduleSpec } from '../types'

/** The spec type of one schedule kind. */
export type ScheduleOf<K extends ScheduleKind> = Extract<ScheduleSpec, { kind: K }>

/** A registry entry: names, formula and sliders for the UI, the pure η_t, and the edge check. */
export interface ScheduleEntry<K extends ScheduleKind = ScheduleKind> {
  id: K
  name: Bilingual
  /** η_t in TeX (KaTeX), t = 0 for the first update, η the base learning rate. */
  formula: string
  /** Where the exact form comes from (CONVENTIONS.md). */
  reference: string
  /** Numeric parameters as sliders, with defaults and ranges (non-numeric ones are only in `defaults`). */
  params: readonly ParamSpec[]
  /** A complete spec of this kind with default parameters (milestones, staircase included). */
  defaults: ScheduleOf<K>
  /** η_t for the update with index t (t = 0 first); absent for `plateau`, which needs the loss. */
  lr?(base: number, spec: ScheduleOf<K>, t: number): number
  /** Checks the parameters of a spec of this kind and returns a clean copy; throws a SpecError. */
  validate(raw: Readonly<Record<string, unknown>>, field: string): ScheduleOf<K>
}

/** A required or optional (`undefined` allowed) number field `key` of a schedule spec. */
export function field(
  raw: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  allowed: string,
  test: (v: number) => boolean,
): number {
  return expectNumber(raw[key], `${path}.${key}`, allowed, test)
}

/** Domains shared by the schedules, stated as in their error messages. */
export const finiteNonNegative = {
  allowed: 'a finite number ≥ 0',
  test: (v: number) => v >= 0 && v < Infinity,
}
export const unitFactor = { allowed: 'a number in (0, 1]', test: (v: number) => v > 0 && v <= 1 }

/** An integer field in [min, max]. */
export function integerField(
  raw: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  min: number,
  max = Infinity,
): number {
  return expectInteger(raw[key], `${path}.${key}`, min, max)
}

/** A slider spec; `tex` is the parameter's symbol in the formula. */
export function param(
  key: string,
  name: Bilingual,
  tex: string,
  range: {
    min: number
    max: number
    step: number
    default: number
    scale?: 'linear' | 'log'
    integer?: boolean
  },
): ParamSpec {
  const { scale = 'linear', ...rest } = range
  return { key, name, tex, scale, ...rest }
}

export const finalParam = param(
  'final',
  { en: 'final learning rate', zh: '最终学习率' },
  '\\eta_{\\mathrm{final}}',
  {
    min: 0,
    max: 1,
    step: 0.001,
    default: 0,
  },
)
