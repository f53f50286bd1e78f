import { defineScheduleMeta, slider, unitFactor } from './scheduleMeta'

/**
 * Multi-step decay (PyTorch `MultiStepLR`, d2l `MultiFactorScheduler`): η_t = η·γ^k with k the number of
 * milestones ≤ t, so η drops by γ exactly at each milestone. Milestones: integers in 0..10⁶, strictly
 * increasing, 1 to 32 in the app's editor and links, any number at the core's edge (k by binary search, O(log m)
 * per step); γ ∈ (0, 1]. A race starts with drops at one half and three quarters of the race.
 */
export const multistepMeta = defineScheduleMeta({
  id: 'multistep',
  name: { en: 'Multi-step decay', zh: '多阶段衰减' },
  formula: '\\eta_t = \\eta \\cdot \\gamma^{\\,|\\{\\, s \\in \\mathrm{milestones} \\,:\\, s \\le t \\,\\}|}',
  reference: 'PyTorch MultiStepLR; d2l MultiFactorScheduler',
  fields: [
    {
      key: 'milestones',
      type: 'list',
      name: { en: 'Milestones', zh: '里程碑' },
      domain: { min: 0, max: 1_000_000, integer: true, cap: true },
      // The editor, links and the store offer up to 32 milestones; the core takes any strictly increasing list
      // (at most 10⁶ + 1 by the domain), since η_t finds its place by binary search.
      length: { min: 1, max: 32, coreMax: 1_000_001 },
      increasing: true,
    },
    {
      key: 'gamma',
      type: 'number',
      name: { en: 'decay factor', zh: '衰减倍数' },
      domain: unitFactor,
      slider: slider('\\gamma', { min: 0.01, max: 1, step: 0.01, default: 0.1 }),
    },
  ],
  defaults: { kind: 'multistep', milestones: [100, 200], gamma: 0.1 },
  raceDefault(steps) {
    const quarter = Math.max(1, Math.round(steps / 4))
    return { kind: 'multistep', milestones: [2 * quarter, 3 * quarter], gamma: 0.1 }
  },
  lr: (base, spec, t) => base * Math.pow(spec.gamma, milestonesPassed(spec.milestones, t)),
})

/**
 * k = |{s ∈ milestones : s ≤ t}| by binary search over the strictly increasing list (what
 * `validateScheduleSpec` guarantees): O(log m) per step, so a long list costs a race almost nothing.
 */
export function milestonesPassed(milestones: readonly number[], t: number): number {
  let lo = 0
  let hi = milestones.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (milestones[mid] <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}
