import { SpecError } from '../errors'
import type { ScheduleEntry } from './scheduleEntry'
import { field, finalParam, finiteNonNegative, integerField, param } from './scheduleEntry'

/**
 * Cosine annealing with linear warm-up, exactly d2l's `CosineScheduler(max_update = T, base_lr = η,
 * final_lr, warmup_steps = W, warmup_begin_lr = η_w)`:
 * t < W: η_w + (η − η_w)·t/W ; W ≤ t ≤ T: final + (η − final)·(1 + cos(π(t − W)/(T − W)))/2 ; t > T: final.
 * T = 20, η = 0.3, final = 0.01 gives 0.3 at t = 0 and 0.01 from t = 20 on; with W = 5 it first rises
 * linearly from 0 to 0.3 at t = 5. T an integer ≥ 1, W an integer in [0, T) (default 0), final and η_w ≥ 0
 * (default 0). The arithmetic follows d2l's operation order, so values agree to the last bit.
 */
export const cosine: ScheduleEntry<'cosine'> = {
  id: 'cosine',
  name: { en: 'Cosine (with warm-up)', zh: '余弦退火（含预热）' },
  formula:
    '\\eta_t = \\begin{cases} \\eta_w + (\\eta - \\eta_w)\\,\\dfrac{t}{W} & t < W \\\\[4pt] \\eta_{\\mathrm{final}} + \\dfrac{\\eta - \\eta_{\\mathrm{final}}}{2}\\left(1 + \\cos\\dfrac{\\pi (t - W)}{T - W}\\right) & W \\le t \\le T \\\\[4pt] \\eta_{\\mathrm{final}} & t > T \\end{cases}',
  reference: 'd2l CosineScheduler',
  params: [
    param('totalSteps', { en: 'total steps', zh: '总步数' }, 'T', {
      min: 1,
      max: 100000,
      step: 1,
      default: 1000,
      integer: true,
    }),
    finalParam,
    param('warmupSteps', { en: 'warm-up steps', zh: '预热步数' }, 'W', {
      min: 0,
      max: 10000,
      step: 1,
      default: 0,
      integer: true,
    }),
    param('warmupBegin', { en: 'warm-up start rate', zh: '预热起始学习率' }, '\\eta_w', {
      min: 0,
      max: 1,
      step: 0.001,
      default: 0,
    }),
  ],
  defaults: { kind: 'cosine', totalSteps: 1000, final: 0, warmupSteps: 0, warmupBegin: 0 },
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
  validate(raw, path) {
    const totalSteps = integerField(raw, 'totalSteps', path, 1)
    const out: {
      kind: 'cosine'
      totalSteps: number
      final?: number
      warmupSteps?: number
      warmupBegin?: number
    } = {
      kind: 'cosine',
      totalSteps,
    }
    if (raw.final !== undefined)
      out.final = field(raw, 'final', path, finiteNonNegative.allowed, finiteNonNegative.test)
    if (raw.warmupSteps !== undefined) {
      const w = raw.warmupSteps
      if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w >= totalSteps) {
        throw new SpecError(
          `${path}.warmupSteps`,
          `an integer in 0..${totalSteps - 1} (less than totalSteps)`,
          w,
        )
      }
      out.warmupSteps = w
    }
    if (raw.warmupBegin !== undefined) {
      out.warmupBegin = field(raw, 'warmupBegin', path, finiteNonNegative.allowed, finiteNonNegative.test)
    }
    return out
  },
}
