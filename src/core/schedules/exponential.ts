import { SpecError } from '../errors'
import type { ScheduleEntry } from './scheduleEntry'
import { field, param, unitFactor } from './scheduleEntry'

/**
 * Exponential decay: η_t = η·decay^(t/decaySteps), with the exponent floored when `staircase` (TF's
 * `exponential_decay`). The PKU course uses η = 0.2, decay = 0.99, decaySteps = 1: 0.2, 0.198, 0.19602, …,
 * 0.07394592752994529 at t = 99. decay ∈ (0, 1], decaySteps > 0 (default 1), staircase default false.
 */
export const exponential: ScheduleEntry<'exponential'> = {
  id: 'exponential',
  name: { en: 'Exponential decay', zh: '指数衰减' },
  formula: '\\eta_t = \\eta \\cdot \\mathrm{decay}^{\\,t/T_{\\mathrm{decay}}}',
  reference: 'PKU TensorFlow course; tf.compat.v1.train.exponential_decay',
  params: [
    param('decay', { en: 'decay rate', zh: '衰减率' }, '\\mathrm{decay}', {
      min: 0.9,
      max: 1,
      step: 0.0001,
      default: 0.99,
    }),
    param('decaySteps', { en: 'decay steps', zh: '衰减步数' }, 'T_{\\mathrm{decay}}', {
      min: 1,
      max: 10000,
      step: 1,
      default: 1,
      integer: true,
    }),
  ],
  defaults: { kind: 'exponential', decay: 0.99, decaySteps: 1, staircase: false },
  lr(base, spec, t) {
    const e = t / spec.decaySteps
    return base * Math.pow(spec.decay, spec.staircase === true ? Math.floor(e) : e)
  },
  validate(raw, path) {
    const decay = field(raw, 'decay', path, unitFactor.allowed, unitFactor.test)
    const decaySteps = field(raw, 'decaySteps', path, 'a finite number > 0', (v) => v > 0 && v < Infinity)
    const staircase = raw.staircase
    if (staircase !== undefined && typeof staircase !== 'boolean') {
      throw new SpecError(`${path}.staircase`, 'true or false', staircase)
    }
    return staircase === undefined
      ? { kind: 'exponential', decay, decaySteps }
      : { kind: 'exponential', decay, decaySteps, staircase }
  },
}
