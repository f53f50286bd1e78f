import { defineScheduleMeta, finalField, slider, stepsDomain } from './scheduleMeta'

/**
 * Cosine annealing with warm restarts (PyTorch `CosineAnnealingWarmRestarts`, SGDR):
 * η_t = final + (η − final)·(1 + cos(π·T_cur/T_i))/2, where T_cur counts the steps since the last restart
 * and the period T_i starts at T₀ and is multiplied by T_mult after each restart (restarts at T₀,
 * T₀ + T₀T_mult, …). T₀ (`t0`) an integer in 1..10⁶, T_mult (`tMult`) an integer in 1..100 (default 1),
 * final ∈ [0, 10⁴] (PyTorch's eta_min, default 0). A race starts with periods of ¼, ½ … of the race.
 */
export const cosineRestartsMeta = defineScheduleMeta({
  id: 'cosine-restarts',
  name: { en: 'Cosine with warm restarts', zh: '带热重启的余弦退火' },
  formula:
    '\\eta_t = \\eta_{\\mathrm{final}} + \\frac{\\eta - \\eta_{\\mathrm{final}}}{2}\\left(1 + \\cos\\frac{\\pi\\, T_{\\mathrm{cur}}}{T_i}\\right),\\quad T_i = T_0\\, T_{\\mathrm{mult}}^{\\,i}',
  reference: 'PyTorch CosineAnnealingWarmRestarts',
  fields: [
    {
      key: 't0',
      type: 'number',
      name: { en: 'first period', zh: '首个周期' },
      domain: stepsDomain,
      slider: slider('T_0', { min: 1, max: 10000, step: 1, default: 100 }, true),
    },
    {
      key: 'tMult',
      type: 'number',
      name: { en: 'period multiplier', zh: '周期倍增' },
      domain: { min: 1, max: 100, integer: true, cap: true },
      optional: true,
      slider: slider('T_{\\mathrm{mult}}', { min: 1, max: 4, step: 1, default: 1 }, true),
    },
    finalField,
  ],
  defaults: { kind: 'cosine-restarts', t0: 100, tMult: 1, final: 0 },
  raceDefault: (steps) => ({ kind: 'cosine-restarts', t0: Math.max(1, Math.round(steps / 4)), tMult: 2 }),
  lr(base, spec, t) {
    const mult = spec.tMult ?? 1
    let period = spec.t0
    let cur = t
    if (mult === 1) cur = t % period
    else
      while (cur >= period) {
        cur -= period
        period *= mult
      }
    const final = spec.final ?? 0
    return final + ((base - final) * (1 + Math.cos((Math.PI * cur) / period))) / 2
  },
})
