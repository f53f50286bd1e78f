import { SpecError, expectInteger, expectNumber, expectOneOf, expectRecord } from '../errors'
import { describeDomain, inDomain } from '../numberDomain'
import { conventions } from '../optimizers/metaRegistry'
import { optimizerKinds } from '../optimizers/meta'
import { hyperParamDomain } from '../optimizers/optimizerMeta'
import { validateScheduleSpec } from '../schedules/meta'
import { surfaceIds } from '../surfaces/meta'
import type { SceneAction } from './types'

/** The action types of `SceneAction`, in its declaration order. */
const ACTION_TYPES = [
  'escape',
  'setStart',
  'setSurface',
  'setRacer',
  'setSchedule',
  'setNoise',
  'showRacers',
  'setLambda',
  'play',
  'toEnd',
  'sequence',
] as const satisfies readonly SceneAction['type'][]

/** Longest `escape` distance: far beyond any view (a step of 10⁶ leaves every surface's extent). */
const MAX_ESCAPE_DISTANCE = 1e6
/** Deepest nesting of `sequence` actions (cards use one level). */
const MAX_SEQUENCE_DEPTH = 8

/**
 * Checks a card action at the edge of `applySceneAction` and returns it typed, or throws a SpecError naming
 * the field (`action.start`, `action.patch.lr`, `action.actions[2].type`, …): every number finite and in the
 * domain the race will validate (surface ids, optimizer hyper-parameter domains, schedule fields, noise std
 * ≥ 0 and seed in 0..2³²−1, λ ≥ 0, |distance| ≤ 10⁶), lists as lists. Racer indices are checked against the
 * set-up where they are applied. Imports meta only, so the main thread's applier runs it too.
 */
export function checkSceneAction(value: unknown, field = 'action', depth = 0): SceneAction {
  const raw = expectRecord(value, field)
  const type = expectOneOf(raw.type, `${field}.type`, ACTION_TYPES)
  switch (type) {
    case 'escape':
      if (raw.distance !== undefined)
        expectNumber(
          raw.distance,
          `${field}.distance`,
          `a finite number in [−${MAX_ESCAPE_DISTANCE}, ${MAX_ESCAPE_DISTANCE}]`,
          (v) => Math.abs(v) <= MAX_ESCAPE_DISTANCE,
        )
      break
    case 'setStart':
      checkPoint(raw.start, `${field}.start`)
      break
    case 'setSurface':
      expectOneOf(raw.surface, `${field}.surface`, surfaceIds)
      break
    case 'setRacer':
      expectInteger(raw.index, `${field}.index`, 0, Infinity)
      checkPatch(raw.patch, `${field}.patch`)
      break
    case 'setSchedule':
      validateScheduleSpec(raw.schedule, `${field}.schedule`, false)
      break
    case 'setNoise':
      checkNoise(raw.noise, `${field}.noise`)
      break
    case 'showRacers':
      if (!Array.isArray(raw.indices))
        throw new SpecError(`${field}.indices`, 'an array of racer indices', raw.indices)
      break
    case 'setLambda':
      expectNumber(raw.lambda, `${field}.lambda`, 'a finite number ≥ 0', (v) => v >= 0 && v < Infinity)
      break
    case 'sequence':
      if (!Array.isArray(raw.actions))
        throw new SpecError(`${field}.actions`, 'an array of actions', raw.actions)
      if (depth >= MAX_SEQUENCE_DEPTH)
        throw new SpecError(`${field}.actions`, `sequences nested at most ${MAX_SEQUENCE_DEPTH} deep`, '…')
      raw.actions.forEach((a: unknown, i) => checkSceneAction(a, `${field}.actions[${i}]`, depth + 1))
      break
    case 'play':
    case 'toEnd':
      break
  }
  return raw as unknown as SceneAction
}

function checkPoint(value: unknown, field: string): void {
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  if (!ok) throw new SpecError(field, 'two finite numbers [x, y]', value)
}

/** An optimizer patch: kind, convention or hyper-parameters, each in the domain `validateOptimizerSpec` states. */
function checkPatch(value: unknown, field: string): void {
  const patch = expectRecord(value, field)
  for (const [key, v] of Object.entries(patch)) {
    if (key === 'kind') expectOneOf(v, `${field}.kind`, optimizerKinds)
    else if (key === 'convention') expectOneOf(v, `${field}.convention`, conventions)
    else if (Object.hasOwn(hyperParamDomain, key)) {
      const d = hyperParamDomain[key as keyof typeof hyperParamDomain]
      if (!inDomain(d, v)) throw new SpecError(`${field}.${key}`, describeDomain(d, v), v)
    } else {
      const keys = ['kind', 'convention', ...Object.keys(hyperParamDomain)].join(', ')
      throw new SpecError(`${field}`, `an optimizer patch of ${keys}`, key)
    }
  }
}

/** The rules of `validateNoiseSpec` (src/core/validate.ts), here without its kernel imports. */
function checkNoise(value: unknown, field: string): void {
  const raw = expectRecord(value, field)
  expectNumber(raw.std, `${field}.std`, 'a finite number ≥ 0', (v) => v >= 0 && v < Infinity)
  expectInteger(raw.seed, `${field}.seed`, 0, 0xffffffff)
  if (raw.annealSteps !== undefined) expectInteger(raw.annealSteps, `${field}.annealSteps`, 1, Infinity)
}
