import { expectNumber } from '../errors'
import { plateauMeta } from './plateau.meta'
import { scheduleEntry } from './scheduleEntry'
import type { ScheduleOf } from './scheduleMeta'

/** PyTorch's `eps` of ReduceLROnPlateau: a reduction smaller than this is not applied. */
const MIN_CHANGE = 1e-8

/** Reduce on plateau: its meta (`./plateau.meta`) and the edge check of its options. */
export const plateau = scheduleEntry(plateauMeta)

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
