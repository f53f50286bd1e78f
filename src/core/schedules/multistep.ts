import { SpecError, expectInteger } from '../errors'
import type { ScheduleEntry } from './scheduleEntry'
import { field, param, unitFactor } from './scheduleEntry'

/**
 * Multi-step decay (PyTorch `MultiStepLR`, d2l `MultiFactorScheduler`): η_t = η·γ^k with k the number of
 * milestones ≤ t, so η drops by γ exactly at each milestone. Milestones: integers ≥ 0, strictly increasing;
 * γ ∈ (0, 1].
 */
export const multistep: ScheduleEntry<'multistep'> = {
  id: 'multistep',
  name: { en: 'Multi-step decay', zh: '多阶段衰减' },
  formula: '\\eta_t = \\eta \\cdot \\gamma^{\\,|\\{\\, s \\in \\mathrm{milestones} \\,:\\, s \\le t \\,\\}|}',
  reference: 'PyTorch MultiStepLR; d2l MultiFactorScheduler',
  params: [
    param('gamma', { en: 'decay factor', zh: '衰减倍数' }, '\\gamma', {
      min: 0.01,
      max: 1,
      step: 0.01,
      default: 0.1,
    }),
  ],
  defaults: { kind: 'multistep', milestones: [100, 200], gamma: 0.1 },
  lr(base, spec, t) {
    const ms = spec.milestones
    let k = 0
    for (let i = 0; i < ms.length; i++) if (ms[i] <= t) k++
    return base * Math.pow(spec.gamma, k)
  },
  validate(raw, path) {
    const list = raw.milestones
    if (!Array.isArray(list)) throw new SpecError(`${path}.milestones`, 'an array of integers ≥ 0', list)
    const milestones = list.map((m, i) => {
      const v = expectInteger(m, `${path}.milestones[${i}]`, 0, Infinity)
      if (i > 0 && !(v > (list[i - 1] as number))) {
        throw new SpecError(
          `${path}.milestones[${i}]`,
          `an integer > ${list[i - 1]} (milestones increase)`,
          v,
        )
      }
      return v
    })
    const gamma = field(raw, 'gamma', path, unitFactor.allowed, unitFactor.test)
    return { kind: 'multistep', milestones, gamma }
  },
}
