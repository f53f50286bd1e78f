/**
 * One call per core-edge issue fixed for #11 (each was a `knownIssues` entry's example): every one must now end
 * in a well-formed result, a SpecError or a DatasetError, within its timeout.
 */
import { LONG_STRING } from './hostile'
import { exampleConfig, exampleDataset, explicitWeights } from './specs'

export interface Regression {
  text: string
  target: string
  args: unknown[]
  /** The outcome the fix gives. */
  expected: 'ok' | 'SpecError'
  timeoutMs?: number
}

export const regressions: Regression[] = [
  {
    text: 'learningRate with cosine-restarts tMult 0 past t0 (looped forever)',
    target: 'learningRate',
    args: [0.1, { kind: 'cosine-restarts', t0: 10, tMult: 0 }, 50],
    expected: 'SpecError',
    timeoutMs: 1500,
  },
  {
    text: 'learningRate with cosine-restarts t0 0 (looped forever)',
    target: 'learningRate',
    args: [0.1, { kind: 'cosine-restarts', t0: 0 }, 5],
    expected: 'SpecError',
    timeoutMs: 1500,
  },
  {
    text: 'learningRate with cosine-restarts tMult 0.5 (looped forever)',
    target: 'learningRate',
    args: [0.1, { kind: 'cosine-restarts', t0: 10, tMult: 0.5 }, 50],
    expected: 'SpecError',
    timeoutMs: 1500,
  },
  {
    text: 'learningRate with cosine-restarts tMult 100 at t = 1e300 (closed form, no loop)',
    target: 'learningRate',
    args: [0.1, { kind: 'cosine-restarts', t0: 1, tMult: 100 }, 1e300],
    expected: 'ok',
    timeoutMs: 1500,
  },
  {
    text: 'learningRate with a NaN base (returned NaN)',
    target: 'learningRate',
    args: [NaN, { kind: 'constant' }, 0],
    expected: 'SpecError',
  },
  {
    text: 'learningRate with a negative t',
    target: 'learningRate',
    args: [0.1, { kind: 'step', stepSize: 10, gamma: 0.5 }, -1],
    expected: 'SpecError',
  },
  {
    text: 'learningRate with schedule [] (TypeError)',
    target: 'learningRate',
    args: [0.1, [], 3],
    expected: 'SpecError',
  },
  {
    text: 'SpecError quoting a 5,000-character string (message of 5,000 characters)',
    target: 'validateOptimizerSpec',
    args: [{ kind: LONG_STRING, lr: 0.1 }],
    expected: 'SpecError',
  },
  {
    text: 'createOptimizer at n = 1e300 (RangeError)',
    target: 'createOptimizer',
    args: [{ kind: 'adam', lr: 0.1 }, 1e300],
    expected: 'SpecError',
  },
  {
    text: 'sampleGrid with surface null (TypeError)',
    target: 'sampleGrid',
    args: [null, { x: [-1, 1], y: [-1, 1] }, 4, 4],
    expected: 'SpecError',
  },
  {
    text: 'maxCurvature at null (TypeError)',
    target: 'maxCurvature',
    args: ['saddle', null],
    expected: 'SpecError',
  },
  {
    text: 'stabilityLimit where H overflows (NaN)',
    target: 'stabilityLimit',
    args: ['rosenbrock', [1e200, 1e200]],
    expected: 'SpecError',
  },
  {
    text: 'applySceneAction with action null (TypeError)',
    target: 'applySceneAction',
    args: ['minimum-ratio', null],
    expected: 'SpecError',
  },
  {
    text: 'applySceneAction setLambda ∞ (kept)',
    target: 'applySceneAction',
    args: ['minimum-ratio', { type: 'setLambda', lambda: Infinity }],
    expected: 'SpecError',
  },
  {
    text: 'classifierConfigOf with an unknown preset (TypeError)',
    target: 'classifierConfigOf',
    args: [{ preset: 'nope' }],
    expected: 'SpecError',
  },
  {
    text: 'generateDataset at noise 1.8e308 (features ±∞)',
    target: 'generateDataset',
    args: ['circle', 20, Number.MAX_VALUE, 1],
    expected: 'SpecError',
  },
  {
    text: 'lossHessian with step NaN (NaN Hessian)',
    target: 'lossHessian',
    args: [exampleConfig, exampleDataset, explicitWeights, { step: NaN }],
    expected: 'SpecError',
  },
  {
    text: 'createObjective with rows 5 (TypeError)',
    target: 'createObjective',
    args: [exampleConfig, exampleDataset, { rows: 5 }],
    expected: 'SpecError',
  },
]
