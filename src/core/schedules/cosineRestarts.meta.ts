import { defineScheduleMeta, finalField, slider, stepsDomain } from './scheduleMeta'

/**
 * Cosine annealing with warm restarts (PyTorch `CosineAnnealingWarmRestarts`, SGDR):
 * η_t = final + (η − final)·(1 + cos(π·T_cur/T_i))/2, where T_cur counts the steps since the last restart
 * and the period T_i starts at T₀ and is multiplied by T_mult after each restart (restarts at T₀,
 * T₀ + T₀T_mult, …). T₀ (`t0`) an integer in 1..10⁶, T_mult (`tMult`) an integer in 1..100 (default 1),
 * final ∈ [0, 10⁴] (PyTorch's eta_min, default 0). A race starts with periods of ¼, ½ … of the race. η_t costs
 * O(1) per step: the cycle of step t comes from the geometric series of the periods (`restartStart`).
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
    const final = spec.final ?? 0
    const mult = spec.tMult ?? 1
    const start = restartStart(spec.t0, mult, t)
    // T_i = S_{i+1} − S_i = S_i·(T_mult − 1) + T₀, exact in integers.
    const period = start * (mult - 1) + spec.t0
    const cur = t - start
    // PyTorch's operation order (π·T_cur)/T_i, bit for bit; T_cur/T_i first only where π·T_cur overflows.
    const piCur = Math.PI * cur
    const angle = piCur < Infinity ? piCur / period : Math.PI * (cur / period)
    return final + ((base - final) * (1 + Math.cos(angle))) / 2
  },
})

/**
 * The step at which the cycle holding step t began, S_i = T₀(T_mult^i − 1)/(T_mult − 1) (S_i = i·T₀ for
 * T_mult = 1), in closed form as PyTorch's `n = int(log(t/T₀·(T_mult − 1) + 1, T_mult))`, so a step costs
 * O(1) whatever t. The logarithm is taken as
 * log(t/T₀) + log(T_mult − 1) + log1p(1/x) so that no intermediate overflows for t up to 1.8·10³⁰⁸, and i is
 * then nudged (at most a step or two) until S_i ≤ t < S_{i+1}: with integer T₀, T_mult and t below 2⁵³ every S_i
 * is exact, so the result equals PyTorch's step-by-step T_cur to the bit. Expects a validated spec
 * (T₀ ≥ 1, T_mult an integer ≥ 1) and a finite t ≥ 0.
 */
export function restartStart(t0: number, tMult: number, t: number): number {
  if (tMult === 1) return t - (t % t0)
  if (t < t0) return 0
  const logX = Math.log(t / t0) + Math.log(tMult - 1)
  let i = Math.max(0, Math.floor((logX + Math.log1p(Math.exp(-logX))) / Math.log(tMult)))
  for (let k = 0; k < 4 && i > 0 && cycleStart(t0, tMult, i) > t; k++) i--
  for (let k = 0; k < 4 && cycleStart(t0, tMult, i + 1) <= t; k++) i++
  return cycleStart(t0, tMult, i)
}

/** S_i = T₀(T_mult^i − 1)/(T_mult − 1), T_mult > 1. */
function cycleStart(t0: number, tMult: number, i: number): number {
  return (t0 * (tMult ** i - 1)) / (tMult - 1)
}
