import { defineScheduleMeta, slider, stepsDomain } from './scheduleMeta'

/**
 * The Transformer's warm-up (d_model^−0.5·min(step^−0.5, step·W^−1.5) with step = t + 1), normalised so
 * its peak is η: η_t = η·min((t + 1)/W, √(W/(t + 1))). It rises linearly to η at t + 1 = W, then decays as
 * 1/√t. W (`warmupSteps`) an integer in 1..10⁶; a race starts with 10 % warm-up.
 */
export const warmupInverseSqrtMeta = defineScheduleMeta({
  id: 'warmup-inverse-sqrt',
  name: {
    en: 'Warm-up, then inverse square root (Transformer)',
    zh: '先预热，再按平方根倒数衰减（Transformer）',
  },
  formula: '\\eta_t = \\eta \\cdot \\min\\!\\left(\\frac{t+1}{W},\\ \\sqrt{\\frac{W}{t+1}}\\right)',
  reference: 'Transformer (Vaswani et al. 2017) warm-up, normalised to peak η',
  fields: [
    {
      key: 'warmupSteps',
      type: 'number',
      name: { en: 'warm-up steps', zh: '预热步数' },
      domain: stepsDomain,
      slider: slider('W', { min: 1, max: 10000, step: 1, default: 1000 }, true),
    },
  ],
  defaults: { kind: 'warmup-inverse-sqrt', warmupSteps: 1000 },
  raceDefault: (steps) => ({ kind: 'warmup-inverse-sqrt', warmupSteps: Math.max(1, Math.round(steps / 10)) }),
  lr(base, spec, t) {
    const s = t + 1
    const W = spec.warmupSteps
    return base * Math.min(s / W, Math.sqrt(W / s))
  },
})
