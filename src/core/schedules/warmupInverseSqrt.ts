import type { ScheduleEntry } from './scheduleEntry'
import { integerField, param } from './scheduleEntry'

/**
 * The Transformer's warm-up (d_model^−0.5·min(step^−0.5, step·W^−1.5) with step = t + 1), normalised so
 * its peak is η: η_t = η·min((t + 1)/W, √(W/(t + 1))). It rises linearly to η at t + 1 = W, then decays as
 * 1/√t. W (`warmupSteps`) an integer ≥ 1.
 */
export const warmupInverseSqrt: ScheduleEntry<'warmup-inverse-sqrt'> = {
  id: 'warmup-inverse-sqrt',
  name: { en: 'Warm-up, then inverse square root', zh: '预热后平方根倒数衰减' },
  formula: '\\eta_t = \\eta \\cdot \\min\\!\\left(\\frac{t+1}{W},\\ \\sqrt{\\frac{W}{t+1}}\\right)',
  reference: 'Transformer (Vaswani et al. 2017) warm-up, normalised to peak η',
  params: [
    param('warmupSteps', { en: 'warm-up steps', zh: '预热步数' }, 'W', {
      min: 1,
      max: 10000,
      step: 1,
      default: 1000,
      integer: true,
    }),
  ],
  defaults: { kind: 'warmup-inverse-sqrt', warmupSteps: 1000 },
  lr(base, spec, t) {
    const s = t + 1
    const W = spec.warmupSteps
    return base * Math.min(s / W, Math.sqrt(W / s))
  },
  validate: (raw, path) => ({
    kind: 'warmup-inverse-sqrt',
    warmupSteps: integerField(raw, 'warmupSteps', path, 1),
  }),
}
