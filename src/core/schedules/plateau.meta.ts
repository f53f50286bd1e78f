import { defineScheduleMeta, rateDomain, slider } from './scheduleMeta'

/**
 * Reduce on plateau (PyTorch `ReduceLROnPlateau`, mode 'min', threshold_mode 'rel'), for the classifier:
 * it needs the monitored loss, so it has no η_t and a race cannot use it (`createPlateauScheduler` runs
 * it). factor ∈ (0, 1) (PyTorch 0.1), patience an integer in 0..1000 (PyTorch 10), threshold ∈ [0, 1]
 * (1e−4), cooldown an integer in 0..1000 (0), minLr ∈ [0, 10⁴] (0).
 */
export const plateauMeta = defineScheduleMeta({
  id: 'plateau',
  name: { en: 'Reduce on plateau', zh: '停滞时降低学习率' },
  formula:
    '\\eta \\leftarrow \\max(\\gamma\\,\\eta,\\ \\eta_{\\min}) \\ \\text{after more than } P \\text{ evaluations without } L < L_{\\mathrm{best}}(1 - \\delta)',
  reference: 'PyTorch ReduceLROnPlateau (mode min, threshold_mode rel)',
  fields: [
    {
      key: 'factor',
      type: 'number',
      name: { en: 'factor', zh: '衰减倍数' },
      domain: { min: 0, minExclusive: true, max: 1, maxExclusive: true },
      slider: slider('\\gamma', { min: 0.01, max: 0.99, step: 0.01, default: 0.1 }),
    },
    {
      key: 'patience',
      type: 'number',
      name: { en: 'patience', zh: '容忍次数' },
      domain: { min: 0, max: 1000, integer: true, cap: true },
      slider: slider('P', { min: 0, max: 100, step: 1, default: 10 }, true),
    },
    {
      key: 'threshold',
      type: 'number',
      name: { en: 'relative threshold', zh: '相对阈值' },
      domain: { min: 0, max: 1, cap: true },
      optional: true,
      slider: slider('\\delta', { min: 1e-6, max: 0.1, step: 1, default: 1e-4, scale: 'log' }),
    },
    {
      key: 'cooldown',
      type: 'number',
      name: { en: 'cooldown', zh: '冷却次数' },
      domain: { min: 0, max: 1000, integer: true, cap: true },
      optional: true,
      slider: slider('C', { min: 0, max: 100, step: 1, default: 0 }, true),
    },
    {
      key: 'minLr',
      type: 'number',
      name: { en: 'minimum learning rate', zh: '最小学习率' },
      domain: rateDomain,
      optional: true,
      slider: slider('\\eta_{\\min}', { min: 0, max: 0.1, step: 0.0001, default: 0 }),
    },
  ],
  defaults: { kind: 'plateau', factor: 0.1, patience: 10, threshold: 1e-4, cooldown: 0, minLr: 0 },
})
