import { expectNumber } from '../errors'
import type { ScheduleEntry, ScheduleOf } from './scheduleEntry'
import { field, finiteNonNegative, integerField, param } from './scheduleEntry'

/** PyTorch's `eps` of ReduceLROnPlateau: a reduction smaller than this is not applied. */
const MIN_CHANGE = 1e-8

/**
 * Reduce on plateau (PyTorch `ReduceLROnPlateau`, mode 'min', threshold_mode 'rel'), for the classifier:
 * it needs the monitored loss, so it has no η_t and `learningRate` rejects it; use
 * `createPlateauScheduler`. factor ∈ (0, 1) (PyTorch 0.1), patience an integer ≥ 0 (PyTorch 10), threshold
 * ≥ 0 (1e−4), cooldown an integer ≥ 0 (0), minLr ≥ 0 (0).
 */
export const plateau: ScheduleEntry<'plateau'> = {
  id: 'plateau',
  name: { en: 'Reduce on plateau', zh: '停滞时降低学习率' },
  formula:
    '\\eta \\leftarrow \\max(\\gamma\\,\\eta,\\ \\eta_{\\min}) \\ \\text{after more than } P \\text{ evaluations without } L < L_{\\mathrm{best}}(1 - \\delta)',
  reference: 'PyTorch ReduceLROnPlateau (mode min, threshold_mode rel)',
  params: [
    param('factor', { en: 'factor', zh: '衰减倍数' }, '\\gamma', {
      min: 0.01,
      max: 0.99,
      step: 0.01,
      default: 0.1,
    }),
    param('patience', { en: 'patience', zh: '容忍次数' }, 'P', {
      min: 0,
      max: 100,
      step: 1,
      default: 10,
      integer: true,
    }),
    param('threshold', { en: 'relative threshold', zh: '相对阈值' }, '\\delta', {
      min: 1e-6,
      max: 0.1,
      step: 1,
      default: 1e-4,
      scale: 'log',
    }),
    param('cooldown', { en: 'cooldown', zh: '冷却次数' }, 'C', {
      min: 0,
      max: 100,
      step: 1,
      default: 0,
      integer: true,
    }),
    param('minLr', { en: 'minimum learning rate', zh: '最小学习率' }, '\\eta_{\\min}', {
      min: 0,
      max: 0.1,
      step: 0.0001,
      default: 0,
    }),
  ],
  defaults: { kind: 'plateau', factor: 0.1, patience: 10, threshold: 1e-4, cooldown: 0, minLr: 0 },
  validate(raw, path) {
    const factor = field(raw, 'factor', path, 'a number in (0, 1)', (v) => v > 0 && v < 1)
    const patience = integerField(raw, 'patience', path, 0)
    const out: ScheduleOf<'plateau'> = { kind: 'plateau', factor, patience }
    if (raw.threshold !== undefined) {
      out.threshold = field(raw, 'threshold', path, finiteNonNegative.allowed, finiteNonNegative.test)
    }
    if (raw.cooldown !== undefined) out.cooldown = integerField(raw, 'cooldown', path, 0)
    if (raw.minLr !== undefined)
      out.minLr = field(raw, 'minLr', path, finiteNonNegative.allowed, finiteNonNegative.test)
    return out
  },
}

/** Options of `createPlateauScheduler`, PyTorch's names in camelCase. */
export type PlateauOptions = Omit<ScheduleOf<'plateau'>, 'kind'>

/** A stateful ReduceLROnPlateau: feed it one loss per evaluation, read the learning rate back. */
export interface PlateauScheduler {
  /** Records one evaluation of the monitored loss and returns the learning rate to use from now on. */
  observe(loss: number): number
  /** The current learning rate. */
  readonly lr: number
  /** The best loss seen so far (Infinity before the first observation). */
  readonly best: number
  /** Evaluations since the last improvement (PyTorch's num_bad_epochs). */
  readonly badEpochs: number
  /** Evaluations of cooldown left, during which bad epochs are not counted. */
  readonly cooldownLeft: number
}

/**
 * PyTorch's ReduceLROnPlateau (mode 'min', threshold_mode 'rel') step by step: a loss improves when
 * loss < best·(1 − threshold); otherwise it is a bad epoch. During cooldown the counter of bad epochs is
 * reset. When more than `patience` bad epochs accumulate, η ← max(factor·η, minLr) (only if that lowers η
 * by more than 1e−8), cooldown restarts and the counter resets. A NaN loss counts as bad. Throws a
 * SpecError (field `schedule.<key>` or `baseLr`) on bad options.
 */
export function createPlateauScheduler(options: PlateauOptions, baseLr: number): PlateauScheduler {
  const o = plateau.validate({ ...options, kind: 'plateau' }, 'schedule')
  expectNumber(baseLr, 'baseLr', 'a finite number > 0', (v) => v > 0 && v < Infinity)
  const threshold = o.threshold ?? 1e-4
  const cooldown = o.cooldown ?? 0
  const minLr = o.minLr ?? 0
  let lr = baseLr
  let best = Infinity
  let bad = 0
  let cooldownLeft = 0
  return {
    observe(loss) {
      if (loss < best * (1 - threshold)) {
        best = loss
        bad = 0
      } else bad++
      if (cooldownLeft > 0) {
        cooldownLeft--
        bad = 0
      }
      if (bad > o.patience) {
        const next = Math.max(lr * o.factor, minLr)
        if (lr - next > MIN_CHANGE) lr = next
        cooldownLeft = cooldown
        bad = 0
      }
      return lr
    },
    get lr() {
      return lr
    },
    get best() {
      return best
    },
    get badEpochs() {
      return bad
    },
    get cooldownLeft() {
      return cooldownLeft
    },
  }
}
