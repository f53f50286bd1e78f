import type { ScheduleEntry } from './scheduleEntry'
import { field, finalParam, finiteNonNegative, integerField, param } from './scheduleEntry'

/**
 * Cosine annealing with warm restarts (PyTorch `CosineAnnealingWarmRestarts`, SGDR):
 * η_t = final + (η − final)·(1 + cos(π·T_cur/T_i))/2, where T_cur counts the steps since the last restart
 * and the period T_i starts at T₀ and is multiplied by T_mult after each restart (restarts at T₀,
 * T₀ + T₀T_mult, …). T₀ (`t0`) an integer ≥ 1, T_mult (`tMult`) an integer ≥ 1 (default 1), final ≥ 0
 * (PyTorch's eta_min, default 0).
 */
export const cosineRestarts: ScheduleEntry<'cosine-restarts'> = {
  id: 'cosine-restarts',
  name: { en: 'Cosine with warm restarts', zh: '余弦退火热重启' },
  formula:
    '\\eta_t = \\eta_{\\mathrm{final}} + \\frac{\\eta - \\eta_{\\mathrm{final}}}{2}\\left(1 + \\cos\\frac{\\pi\\, T_{\\mathrm{cur}}}{T_i}\\right),\\quad T_i = T_0\\, T_{\\mathrm{mult}}^{\\,i}',
  reference: 'PyTorch CosineAnnealingWarmRestarts',
  params: [
    param('t0', { en: 'first period', zh: '首个周期' }, 'T_0', {
      min: 1,
      max: 10000,
      step: 1,
      default: 100,
      integer: true,
    }),
    param('tMult', { en: 'period multiplier', zh: '周期倍增' }, 'T_{\\mathrm{mult}}', {
      min: 1,
      max: 4,
      step: 1,
      default: 1,
      integer: true,
    }),
    finalParam,
  ],
  defaults: { kind: 'cosine-restarts', t0: 100, tMult: 1, final: 0 },
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
  validate(raw, path) {
    const t0 = integerField(raw, 't0', path, 1)
    const out: { kind: 'cosine-restarts'; t0: number; tMult?: number; final?: number } = {
      kind: 'cosine-restarts',
      t0,
    }
    if (raw.tMult !== undefined) out.tMult = integerField(raw, 'tMult', path, 1)
    if (raw.final !== undefined)
      out.final = field(raw, 'final', path, finiteNonNegative.allowed, finiteNonNegative.test)
    return out
  },
}
