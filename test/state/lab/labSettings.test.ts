import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDataset } from '../../../src/core/mlp/parseDataset'
import { createTrainer } from '../../../src/core/mlp/trainer'
import { validateClassifierConfig } from '../../../src/core/mlp/validateConfig'
import { dataExtent } from '../../../src/state/lab/labGrid'
import { parameterCount, updatesPerEpoch } from '../../../src/state/lab/labSelectors'
import {
  comparedOptimizers,
  createDefaultLabSettings,
  labRunConfigs,
  toClassifierConfig,
} from '../../../src/state/lab/labSettings'
import { normalizeLabSchedule } from '../../../src/state/lab/normalizeNet'

const dot = parseDataset(readFileSync(new URL('../../../public/dot.csv', import.meta.url), 'utf8'))

describe('lab settings → core configs', () => {
  it('toClassifierConfig(preset) is the course’s 2-11-1 experiment and the core accepts it', () => {
    const config = toClassifierConfig(createDefaultLabSettings().a, 1)
    expect(config).toEqual({
      layers: [2, 11, 1],
      activation: 'relu',
      output: 'linear',
      loss: 'mse',
      optimizer: { kind: 'sgd', convention: 'lecture', lr: 0.005 },
      batchSize: 32,
      epochs: 800,
      shuffle: false,
      seed: 1,
      regularization: { kind: 'l2', lambda: 0.03 },
      init: { kind: 'normal', seed: 1 },
    })
    expect(() => validateClassifierConfig(config, dot)).not.toThrow()
  })

  it('early stopping is set only with a validation split; dropout and batch norm only when on', () => {
    const net = { ...createDefaultLabSettings().a, patience: 10 }
    expect(toClassifierConfig(net, 1).earlyStopping).toBeUndefined()
    const split = toClassifierConfig({ ...net, validationSplit: 0.2, dropout: 0.1, batchNorm: true }, 1)
    expect(split).toMatchObject({
      validationSplit: 0.2,
      earlyStopping: { patience: 10 },
      dropout: 0.1,
      batchNorm: true,
    })
    expect(() => validateClassifierConfig(split, dot)).not.toThrow()
  })

  it('labRunConfigs in regularization mode trains network A without and with its penalty from one seed', () => {
    const s = createDefaultLabSettings()
    s.seed = 42
    const [a, b] = labRunConfigs(s)
    expect(a.config.regularization).toEqual({ kind: 'none' })
    expect(b.config.regularization).toEqual({ kind: 'l2', lambda: 0.03 })
    // The same seed gives the same initial weights (the core draws them from init.seed alone).
    const ta = createTrainer(a.config, dot)
    const tb = createTrainer(b.config, dot)
    expect(Array.from(ta.params)).toEqual(Array.from(tb.params))
  })

  it('comparedOptimizers gives the five optimizers of the course’s table in one convention and η', () => {
    expect(comparedOptimizers({ convention: 'course', lr: 0.1, targetLoss: 0.1 })).toEqual(
      ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'].map((kind) => ({
        kind,
        convention: 'course',
        lr: 0.1,
      })),
    )
  })

  it('normalizeLabSchedule keeps reduce-on-plateau (classifier only) and rejects a factor ≥ 1', () => {
    expect(normalizeLabSchedule({ kind: 'plateau', factor: 0.5, patience: 3, cooldown: 1 })).toEqual({
      kind: 'plateau',
      factor: 0.5,
      patience: 3,
      cooldown: 1,
    })
    expect(normalizeLabSchedule({ kind: 'plateau', factor: 1, patience: 3 })).toBeUndefined()
    expect(normalizeLabSchedule({ kind: 'step', stepSize: 100, gamma: 0.5 })).toEqual({
      kind: 'step',
      stepSize: 100,
      gamma: 0.5,
    })
  })
})

describe('lab helpers', () => {
  it('parameterCount(hidden) is Σ(inputs + 1)·units: 45 for 2-11-1, as the core’s parameter vector', () => {
    expect(parameterCount([11])).toBe(45)
    for (const [hidden, batchNorm] of [
      [[11], false],
      [[16, 8], false],
      [[32, 32, 32], false],
      [[5, 3], true],
    ] as const) {
      const config = toClassifierConfig(
        { ...createDefaultLabSettings().a, hidden: [...hidden], batchNorm },
        1,
      )
      expect(parameterCount(hidden, batchNorm)).toBe(createTrainer(config, dot).params.length)
    }
  })

  it('updatesPerEpoch is ⌈training rows / batch⌉, as the core counts updates', () => {
    expect(updatesPerEpoch(300, { batchSize: 32, validationSplit: 0 })).toBe(10)
    for (const net of [
      { batchSize: 32, validationSplit: 0 },
      { batchSize: 32, validationSplit: 0.2 },
      { batchSize: 500, validationSplit: 0 },
      { batchSize: 1, validationSplit: 0.5 },
    ]) {
      const trainer = createTrainer(
        {
          ...toClassifierConfig(createDefaultLabSettings().a, 1),
          ...net,
          ...(net.validationSplit === 0 && { validationSplit: undefined }),
        },
        dot,
      )
      trainer.trainEpochs(1)
      expect(updatesPerEpoch(300, net)).toBe(trainer.updates)
    }
  })

  it('dataExtent keeps the course’s [−3, 3]² for dot.csv (297 of 300 points inside) and fits other data', () => {
    expect(dataExtent(dot)).toEqual({ x: [-3, 3], y: [-3, 3] })
    const far = {
      x: new Float64Array([0, 0, 100, 10, 50, 20, 20, 5]),
      y: new Float64Array([0, 1, 0, 1]),
      n: 4,
    }
    expect(dataExtent(far)).toEqual({ x: [-5, 105], y: [-1, 21] })
  })
})
