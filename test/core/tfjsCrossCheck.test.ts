import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createOptimizer } from '../../src/core/optimizers/index'
import { runTrajectory } from '../../src/core/run'
import { getSurface } from '../../src/core/surfaces/index'
import type { OptimizerSpec, Surface } from '../../src/core/types'

// The `tensorflow` convention against TF.js's own optimizers (CPU backend). Both sides get the surface's
// analytic gradient at their own current point (TF.js through `applyGradients`), so only the update rules
// are compared. TF.js computes in float32, hence the 1e−4 tolerance over 200 steps; the starts are
// float32-representable so both begin at the same point.

interface Case {
  name: string
  spec: (lr: number) => OptimizerSpec
  tf: (lr: number) => tf.Optimizer
}

const cases: Case[] = [
  {
    name: 'sgd',
    spec: (lr) => ({ kind: 'sgd', convention: 'tensorflow', lr }),
    tf: (lr) => tf.train.sgd(lr),
  },
  {
    name: 'momentum',
    spec: (lr) => ({ kind: 'momentum', convention: 'tensorflow', lr, momentum: 0.9 }),
    tf: (lr) => tf.train.momentum(lr, 0.9, false),
  },
  {
    name: 'momentum (useNesterov)',
    spec: (lr) => ({ kind: 'nesterov', convention: 'tensorflow', lr, momentum: 0.9 }),
    tf: (lr) => tf.train.momentum(lr, 0.9, true),
  },
  {
    name: 'adagrad',
    spec: (lr) => ({ kind: 'adagrad', convention: 'tensorflow', lr }),
    tf: (lr) => tf.train.adagrad(lr),
  },
  {
    name: 'rmsprop',
    spec: (lr) => ({ kind: 'rmsprop', convention: 'tensorflow', lr }),
    tf: (lr) => tf.train.rmsprop(lr),
  },
  {
    name: 'rmsprop (momentum 0.5)',
    spec: (lr) => ({ kind: 'rmsprop', convention: 'tensorflow', lr, momentum: 0.5 }),
    tf: (lr) => tf.train.rmsprop(lr, 0.9, 0.5),
  },
  {
    name: 'adam',
    spec: (lr) => ({ kind: 'adam', convention: 'tensorflow', lr }),
    tf: (lr) => tf.train.adam(lr),
  },
]

/**
 * Learning rates per surface and case, in the order of `cases`: each run stays finite and inside the view,
 * and away from chaotic regimes where float32 round-off alone (not the rule) would separate the two paths
 * by more than 1e−4 (RMSProp's sign-like steps along Rosenbrock's valley amplify it; the open-loop check
 * below, which feeds both rules the same gradients, agrees to ~1e−6 even there).
 */
const rates: Record<string, number[]> = {
  saddle: [0.01, 0.005, 0.005, 0.1, 0.01, 0.005, 0.01],
  'tanh-plateau': [0.5, 0.1, 0.1, 0.5, 0.05, 0.02, 0.05],
  ravine: [0.1, 0.05, 0.05, 0.5, 0.05, 0.02, 0.05],
  rosenbrock: [1e-3, 5e-4, 5e-4, 0.05, 0.001, 5e-4, 0.01],
  himmelblau: [0.005, 0.002, 0.002, 0.1, 0.01, 0.005, 0.05],
}

const STEPS = 200

/** TF.js's path from `start`, and the float32 gradients it was fed (the analytic gradient at its points). */
function runTfjs(surface: Surface, optimizer: tf.Optimizer, start: [number, number]) {
  const theta = tf.variable(tf.tensor1d(start, 'float32'))
  const points = [theta.dataSync().slice()]
  const grads: Float32Array[] = []
  for (let k = 0; k < STEPS; k++) {
    const [x, y] = points[k]
    const g = surface.grad(x, y)
    const g32 = Float32Array.of(g[0], g[1])
    grads.push(g32)
    tf.tidy(() => optimizer.applyGradients({ [theta.name]: tf.tensor1d(g32, 'float32') }))
    points.push(theta.dataSync().slice())
  }
  optimizer.dispose()
  theta.dispose()
  return { points, grads }
}

describe('TF.js cross-check of the tensorflow convention', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu')
  })

  for (const surfaceId of Object.keys(rates)) {
    cases.forEach((c, i) => {
      it(`${c.name} (tensorflow) reproduces tf.train on ${surfaceId} within 1e−4 over ${STEPS} steps`, () => {
        const surface = getSurface(surfaceId)
        const lr = rates[surfaceId][i]
        const start: [number, number] = [Math.fround(surface.start[0]), Math.fround(surface.start[1])]
        const ours = runTrajectory({ surface: surfaceId, optimizer: c.spec(lr), start, steps: STEPS })
        expect(ours.status).toBe('ok')
        const theirs = runTfjs(surface, c.tf(lr), start)
        let moved = 0
        for (let k = 0; k <= STEPS; k++) {
          const [tx, ty] = theirs.points[k]
          expect(Number.isFinite(tx) && Number.isFinite(ty)).toBe(true)
          const err = Math.max(Math.abs(ours.x[k] - tx), Math.abs(ours.y[k] - ty))
          if (!(err <= 1e-4))
            expect.fail(`step ${k}: ours (${ours.x[k]}, ${ours.y[k]}) vs TF.js (${tx}, ${ty})`)
          moved = Math.max(moved, Math.hypot(tx - start[0], ty - start[1]))
        }
        // The comparison means something only if the optimizer actually went somewhere.
        expect(moved).toBeGreaterThan(1e-2)

        // Open loop: fed TF.js's own gradient sequence, our rule tracks TF.js's points with no help from the
        // surface's dynamics (TF.js's float32 sums still drift by up to ~steps·ulp, hence the same 1e−4).
        const opt = createOptimizer(c.spec(lr), 2)
        const theta = Float64Array.from(start)
        for (let k = 0; k < STEPS; k++) {
          opt.step(theta, Float64Array.from(theirs.grads[k]), lr, k)
          const [tx, ty] = theirs.points[k + 1]
          const err = Math.max(Math.abs(theta[0] - tx), Math.abs(theta[1] - ty))
          if (!(err <= 1e-4))
            expect.fail(`open loop, step ${k}: ours (${theta[0]}, ${theta[1]}) vs TF.js (${tx}, ${ty})`)
        }
      })
    })
  }
})
