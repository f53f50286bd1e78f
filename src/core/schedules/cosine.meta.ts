import { defineScheduleMeta, finalField, rateDomain, slider, stepsDomain } from './scheduleMeta'

/**
 * Cosine annealing with linear warm-up, exactly d2l's `CosineScheduler(max_update = T, base_lr = η,
 * final_lr, warmup_steps = W, warmup_begin_lr = η_w)`:
 * t < W: η_w + (η − η_w)·t/W ; W ≤ t ≤ T: final + (η − final)·(1 + cos(π(t − W)/(T − W)))/2 ; t > T: final.
 * T = 20, η = 0.3, final = 0.01 gives 0.3 at t = 0 and 0.01 from t = 20 on; with W = 5 it first rises
 * linearly from 0 to 0.3 at t = 5. T an integer in 1..10⁶, W an integer in [0, T) (default 0), final and η_w
 * in [0, 10⁴] (default 0). The arithmetic follows d2l's operation order, so values agree to the last bit.
 * A race starts with one cosine over the whole race.
 */
export const cosineMeta = defineScheduleMeta({
  id: 'cosine',
  name: { en: 'Cosine annealing with warm-up', zh: '余弦退火（可带预热）' },
  formula:
    '\\eta_t = \\begin{cases} \\eta_w + (\\eta - \\eta_w)\\,\\dfrac{t}{W} & t < W \\\\[4pt] \\eta_{\\mathrm{final}} + \\dfrac{\\eta - \\eta_{\\mathrm{final}}}{2}\\left(1 + \\cos\\dfrac{\\pi (t - W)}{T - W}\\right) & W \\le t \\le T \\\\[4pt] \\eta_{\\mathrm{final}} & t > T \\end{cases}',
  reference: 'd2l CosineScheduler',
  fields: [
    {
      key: 'totalSteps',
      type: 'number',
      name: { en: 'total steps', zh: '总步数' },
      domain: stepsDomain,
      slider: slider('T', { min: 1, max: 100000, step: 1, default: 1000 }, true),
    },
    finalField,
    {
      key: 'warmupSteps',
      type: 'number',
      name: { en: 'warm-up steps', zh: '预热步数' },
      domain: { ...stepsDomain, min: 0 },
      optional: true,
      // The d2l form divides by T − W.
      lessThan: 'totalSteps',
      slider: slider('W', { min: 0, max: 10000, step: 1, default: 0 }, true),
    },
    {
      key: 'warmupBegin',
      type: 'number',
      name: { en: 'warm-up start rate', zh: '预热起始学习率' },
      domain: rateDomain,
      optional: true,
      slider: slider('\\eta_w', { min: 0, max: 1, step: 0.001, default: 0 }),
    },
  ],
  defaults: { kind: 'cosine', totalSteps: 1000, final: 0, warmupSteps: 0, warmupBegin: 0 },
  raceDefault: (steps) => ({ kind: 'cosine', totalSteps: steps, final: 0 }),
  lr(base, spec, t) {
    const W = spec.warmupSteps ?? 0
    const final = spec.final ?? 0
    if (t < W) {
      const begin = spec.warmupBegin ?? 0
      return begin + ((base - begin) * t) / W
    }
    if (t > spec.totalSteps) return final
    return final + ((base - final) * (1 + Math.cos((Math.PI * (t - W)) / (spec.totalSteps - W)))) / 2
  },
})
